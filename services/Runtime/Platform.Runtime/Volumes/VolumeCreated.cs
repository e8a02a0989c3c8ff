namespace Platform.Runtime.Volumes;

/// <summary>Journaled when a volume comes into existence on this host.</summary>
public sealed record VolumeCreated(
    string Name,
    string Driver,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string>? Options,
    bool Anonymous,
    DateTimeOffset CreatedAt)
{
    public const string Type = "volume-created";

    public static string StreamOf(string name) => "volume:" + name;
}
