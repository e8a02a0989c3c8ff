namespace Platform.Runtime.Volumes;

/// <summary>
/// A volume on this host as the store knows it. <see cref="Mountpoint"/> is the host directory a container binds
/// (<c>{root}/runtime/volumes/&lt;name&gt;/_data</c>); <see cref="Options"/> is null when none were given at create
/// (Docker shows null then, {} when an empty map was sent).
/// </summary>
public sealed record Volume(
    string Name,
    string Driver,
    string Mountpoint,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string>? Options,
    bool Anonymous,
    DateTimeOffset CreatedAt)
{
    /// <summary>Docker's label on volumes created without a name; default prune removes only these.</summary>
    public const string AnonymousLabel = "com.docker.volume.anonymous";

    /// <summary>Local volumes with mount options (tmpfs, bind, nfs…) hold no data of their own on this disk.</summary>
    public bool HasMountOptions => Options is { Count: > 0 };
}
