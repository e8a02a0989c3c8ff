using System.Text.Json;

namespace Platform.Runtime.Oci;

/// <summary>
/// What the built-in runtime keeps of a container in {root}/{id}: state.json (the init's pid and start time, so a
/// reused pid is never mistaken for it, the bundle and the cgroup) and exec.fifo while it is created but not started.
/// The names match runc's, so the engine reads both the same way.
/// </summary>
sealed record OciState(string Id, int InitProcessPid, ulong InitProcessStart, string Bundle, string CgroupPath, DateTimeOffset Created)
{
    public const string StateFile = "state.json";
    public const string FifoFile = "exec.fifo";

    public static string Dir(string root, string id) => Path.Combine(root, id);

    public static OciState? Load(string root, string id)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Dir(root, id), StateFile)));
            var e = document.RootElement;
            return new OciState(e.GetProperty("id").GetString()!, e.GetProperty("init_process_pid").GetInt32(),
                e.GetProperty("init_process_start").GetUInt64(), e.GetProperty("bundle").GetString()!,
                e.GetProperty("cgroup_path").GetString()!, e.GetProperty("created").GetDateTimeOffset());
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Written whole to a temporary file and renamed: a reader sees the old state or the new one.</summary>
    public void Save(string root)
    {
        var path = Path.Combine(Dir(root, Id), StateFile);
        using (var file = File.Create(path + ".tmp"))
        using (var json = new Utf8JsonWriter(file))
        {
            json.WriteStartObject();
            json.WriteString("id", Id);
            json.WriteNumber("init_process_pid", InitProcessPid);
            json.WriteNumber("init_process_start", InitProcessStart);
            json.WriteString("bundle", Bundle);
            json.WriteString("cgroup_path", CgroupPath);
            json.WriteString("created", Created);
            json.WriteEndObject();
        }
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
static class OciStateReport
{
    public static void Write(Stream output, OciState state, string status)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("ociVersion", "1.0.2");
        json.WriteString("id", state.Id);
        json.WriteNumber("pid", status == "stopped" ? 0 : state.InitProcessPid);
        json.WriteString("status", status);
        json.WriteString("bundle", state.Bundle);
        json.WriteString("created", state.Created);
        json.WriteEndObject();
    }
}
