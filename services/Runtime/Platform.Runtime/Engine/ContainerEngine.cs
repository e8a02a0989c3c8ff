using Platform.Runtime.Engine.Exec;
using Platform.Runtime.Engine.Exits;
using Platform.Runtime.Engine.Rootfs;
using Platform.Runtime.Engine.Runc;
using Platform.Runtime.Engine.Stats;

namespace Platform.Runtime.Engine;

/// <summary>
/// The container engine: root filesystems, OCI bundles, one conmon per container running runc, and what conmon
/// leaves behind (log file, exit file, attach socket, control fifo). Containers survive a restart of the runtime.
/// </summary>
public sealed partial class ContainerEngine : IDisposable
{
    readonly EngineSettings _settings;
    readonly RuncClient _runc;
    readonly RootfsMounter _rootfs = new();
    readonly ExitMonitor _exits;
    readonly ExecStarter _exec;
    readonly CgroupStatsReader _stats;
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _createdInits = new(StringComparer.Ordinal);

    public ContainerEngine(EngineSettings settings, TimeProvider? time = null)
    {
        _settings = settings;
        settings.EnsureDirectories();
        _runc = new RuncClient(settings);
        _exits = new ExitMonitor(settings);
        _exec = new ExecStarter(settings);
        _stats = new CgroupStatsReader(settings, time ?? TimeProvider.System);
        _ = Task.Run(EmptyTrash);
    }

    public EngineSettings Settings => _settings;

    public string ContainerDir(string id) => _settings.ContainerDir(Checked(id));

    public string LogPath(string id) => _settings.LogPath(Checked(id));

    public Task<string> MountRootfsAsync(string id, RootfsPlan plan, CancellationToken ct) =>
        _rootfs.MountAsync(ContainerDir(id), plan, ct);

    public Task UnmountRootfsAsync(string id)
    {
        _rootfs.Unmount(ContainerDir(id));
        return Task.CompletedTask;
    }

    /// <summary>runc's view of the container, or null when runc does not know it.</summary>
    public ContainerProcessState? Inspect(string id) => _runc.State(Checked(id));

    /// <summary>Every container exit, including those recorded while the runtime was down (single consumer).</summary>
    public IAsyncEnumerable<ContainerExit> Exits => _exits.Exits.ReadAllAsync();

    /// <summary>The exit of one container: at once when it already exited, else when it does.</summary>
    public Task<ContainerExit> WaitForExitAsync(string id, CancellationToken ct) => _exits.WaitAsync(Checked(id), ct);

    /// <summary>The recorded exit of a container, null while it runs (or never ran).</summary>
    public ContainerExit? ReadExit(string id) => _exits.Read(Checked(id));

    public IReadOnlyList<int> ListPids(string id) => _stats.Pids(Checked(id));

    public ContainerStatsSample ReadStats(string id) => _stats.Read(Checked(id));

    public Task<ExecSession> ExecAsync(string id, ExecLaunch exec, CancellationToken ct) => _exec.StartAsync(Checked(id), exec, ct);

    /// <summary>Ids become file names and runc ids: letters, digits, '_', '-' only.</summary>
    static string Checked(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? id
            : throw new EngineException($"invalid container id \"{id}\"", 400);

    public void Dispose() => _exits.Dispose();
}
