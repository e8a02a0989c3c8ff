using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Runtime.Oci;

/// <summary>
/// What the built-in runtime keeps of a container in {root}/{id}: state.json (the init's pid and start time, so a
/// reused pid is never mistaken for it, the bundle and the cgroup) and exec.fifo while it is created but not started.
/// The names match runc's, so the engine reads both the same way.
/// </summary>
sealed record OciState(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("init_process_pid")] int InitProcessPid,
    [property: JsonPropertyName("init_process_start")] ulong InitProcessStart,
    [property: JsonPropertyName("bundle")] string Bundle,
    [property: JsonPropertyName("cgroup_path")] string CgroupPath,
    [property: JsonPropertyName("created")] DateTimeOffset Created)
{
    public const string StateFile = "state.json";
    public const string FifoFile = "exec.fifo";

    public static string Dir(string root, string id) => Path.Combine(root, id);

    public static OciState? Load(string root, string id)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(Dir(root, id), StateFile)), OciStateJson.Default.OciState);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Save(string root)
    {
        var path = Path.Combine(Dir(root, Id), StateFile);
        File.WriteAllBytes(path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(this, OciStateJson.Default.OciState));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>True while the init recorded here runs (not a zombie, and not another process that got its pid).</summary>
    public bool InitAlive() => StartTime(InitProcessPid) is { } start && start == InitProcessStart;

    /// <summary>created (waiting on exec.fifo), running, paused (frozen) or stopped.</summary>
    public string Status(string root)
    {
        if (!InitAlive()) return "stopped";
        if (File.Exists(Path.Combine(Dir(root, Id), FifoFile))) return "created";
        return Cgroup.IsFrozen(CgroupPath) ? "paused" : "running";
    }

    /// <summary>The process's start time in clock ticks since boot (field 22 of /proc/pid/stat); null when gone or a zombie.</summary>
    public static ulong? StartTime(int pid)
    {
        if (pid <= 0) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] is "Z" or "X") return null;
            return ulong.Parse(fields[19]); // field 22 counted from 1, the first two being pid and comm
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>What `state` prints, as runc prints it.</summary>
sealed record OciStateReport(
    [property: JsonPropertyName("ociVersion")] string OciVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("bundle")] string Bundle,
    [property: JsonPropertyName("created")] DateTimeOffset Created);

[JsonSerializable(typeof(OciState))]
[JsonSerializable(typeof(OciStateReport))]
sealed partial class OciStateJson : JsonSerializerContext;
