namespace Platform.Runtime.Containers.Networking;

/// <summary>HostConfig.NetworkMode as Docker reads it: bridge (the default), host, none, container:&lt;ref&gt;, or a network.</summary>
public static class NetworkModes
{
    public const string Bridge = "bridge";
    const string ContainerPrefix = "container:";

    public static bool IsHost(string mode) => mode == "host";

    public static bool IsNone(string mode) => mode == "none";

    /// <summary>The container whose namespace this one joins (container:&lt;ref&gt;), or null.</summary>
    public static string? JoinedContainer(string mode) =>
        mode.StartsWith(ContainerPrefix, StringComparison.Ordinal) ? mode[ContainerPrefix.Length..] : null;

    /// <summary>True when the container's network comes from networking (a sandbox with endpoints).</summary>
    public static bool UsesSandbox(string mode) => !IsHost(mode) && !IsNone(mode) && JoinedContainer(mode) is null;

    /// <summary>User-defined networks get the platform's DNS; the default bridge keeps the host's resolvers.</summary>
    public static bool IsUserDefined(string network) => network is not (Bridge or "host" or "none");
}
