namespace Platform.Runtime.Engine;

/// <summary>Where the engine keeps container state and which binaries it runs. Paths derive from the host root and run dir.</summary>
public sealed class EngineSettings(string root, string runDir)
{
    public string Root { get; } = root;
    public string RunDir { get; } = runDir;
    /// <summary>The OCI runtime conmon runs and the engine asks, with runc's command line: the built-in one or runc.</summary>
    public string Runc { get; init; } = BuiltinOci;
    public string Conmon { get; init; } = "/usr/bin/conmon";
    public string InitBinary { get; init; } = "/usr/bin/tini-static";

    /// <summary>cgroup parent (cgroupfs driver): each container gets {CgroupParent}/{id} in every v1 controller.</summary>
    public string CgroupParent { get; init; } = "/platform";

    /// <summary>The platform's built-in OCI runtime, platform-oci, beside the runtime's own binary.</summary>
    public static string BuiltinOci => Path.Combine(AppContext.BaseDirectory, "platform-oci");

    public string ContainersDir => Path.Combine(Root, "runtime", "containers");
    /// <summary>Removed containers' directories, renamed here at once and deleted in the background (same filesystem).</summary>
    public string TrashDir => Path.Combine(Root, "runtime", "trash");
    public string RuncRoot => Path.Combine(RunDir, "runtime", "runc");
    public string ExitsDir => Path.Combine(RunDir, "runtime", "exits");
    public string SocketsDir => Path.Combine(RunDir, "runtime", "sockets");

    public string ContainerDir(string id) => Path.Combine(ContainersDir, id);
    public string BundleDir(string id) => Path.Combine(ContainerDir(id), "bundle");
    public string LogPath(string id) => Path.Combine(ContainerDir(id), "ctr.log");
    public string ExitFile(string id) => Path.Combine(ExitsDir, id);
    public string CgroupsPath(string id) => $"{CgroupParent.TrimEnd('/')}/{id}";

    public void EnsureDirectories()
    {
        foreach (var dir in new[] { ContainersDir, TrashDir, RuncRoot, ExitsDir, SocketsDir }) Directory.CreateDirectory(dir);
    }
}
