using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Runtime.Containers.Files.Native;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Files;

/// <summary>moby's ContainerPathStat: what HEAD and GET /containers/{id}/archive put, base64 JSON, in X-Docker-Container-Path-Stat.</summary>
public sealed record PathStat(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("mode")] uint Mode,
    [property: JsonPropertyName("mtime")] string Mtime,
    [property: JsonPropertyName("linkTarget")] string LinkTarget)
{
    public const string Header = "X-Docker-Container-Path-Stat";

    internal static PathStat Of(string name, EntryStat stat, string linkTarget) =>
        new(name, stat.Size, GoFileMode.From(stat.Mode), DockerTimestamps.Json(stat.ModifyTime), linkTarget);

    public string Encoded() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this, FilesJson.Default.PathStat));
}

/// <summary>Go's os.FileMode: the permission bits, then one high bit per file type and for setuid, setgid, sticky.</summary>
public static class GoFileMode
{
    public const uint Dir = 1u << 31, Symlink = 1u << 27, Device = 1u << 26, NamedPipe = 1u << 25, Socket = 1u << 24,
        Setuid = 1u << 23, Setgid = 1u << 22, CharDevice = 1u << 21, Sticky = 1u << 20;

    public static uint From(uint unixMode)
    {
        var mode = unixMode & 0x1FF;
        mode |= (unixMode & EntryStat.TypeMask) switch
        {
            EntryStat.Directory => Dir,
            EntryStat.Symlink => Symlink,
            EntryStat.BlockDevice => Device,
            EntryStat.CharDevice => Device | CharDevice,
            EntryStat.Fifo => NamedPipe,
            EntryStat.Socket => Socket,
            _ => 0,
        };
        if ((unixMode & 0x800) != 0) mode |= Setuid;
        if ((unixMode & 0x400) != 0) mode |= Setgid;
        if ((unixMode & 0x200) != 0) mode |= Sticky;
        return mode;
    }
}
