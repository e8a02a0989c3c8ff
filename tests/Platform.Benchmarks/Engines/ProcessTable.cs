namespace Platform.Benchmarks.Engines;

/// <summary>
/// One process of an engine, with its memory at the moment it was read: RSS (every resident page it maps, shared
/// ones included), PSS (shared pages split among their users) and USS (pages only it maps: what its exit would free).
/// </summary>
public sealed record ProcessSample(int Pid, string Name, string CommandLine, double RssMiB, double PssMiB, double UssMiB = 0);

/// <summary>Reads /proc: command lines, parents, RSS and PSS.</summary>
public static class ProcessTable
{
    public static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    public static string CommandLine(int pid) =>
        Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Trim() ?? "";

    /// <summary>Processes whose command line has one of <paramref name="words"/> as a whole argument.</summary>
    public static IEnumerable<int> Naming(IReadOnlyCollection<string> words) =>
        words.Count == 0 ? [] : Pids().Where(pid => CommandLine(pid).Split(' ').Any(words.Contains));

    /// <summary>
    /// Whether the process is in another PID namespace than this one: a container's own processes
    /// (its init, its command) are; an engine and its shims or conmons are not.
    /// </summary>
    public static bool InOtherPidNamespace(int pid) =>
        PidNamespace(pid) is { } other && other != PidNamespace(Environment.ProcessId);

    /// <summary>"pid:[4026531836]", or null if the process is gone.</summary>
    static string? PidNamespace(int pid)
    {
        try { return new FileInfo($"/proc/{pid}/ns/pid").LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    public static int ParentOf(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces and parentheses.
        var stat = Read($"/proc/{pid}/stat");
        var close = stat?.LastIndexOf(')') ?? -1;
        if (stat is null || close < 0)
            return 0;
        var fields = stat[(close + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], out var ppid) ? ppid : 0;
    }

    /// <summary>The given processes and all their descendants that are alive now.</summary>
    public static HashSet<int> WithDescendants(IEnumerable<int> roots)
    {
        var result = roots.Where(IsAlive).ToHashSet();
        var parents = Pids().Select(pid => (pid, parent: ParentOf(pid))).ToList();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
                if (result.Contains(parent) && result.Add(pid))
                    grew = true;
        }
        return result;
    }

    public static ProcessSample? Sample(int pid, string? name = null)
    {
        var status = Read($"/proc/{pid}/status");
        if (status is null)
            return null;
        var rss = Kib(status, "VmRSS:");
        var rollup = Read($"/proc/{pid}/smaps_rollup") ?? "";
        var pss = Kib(rollup, "Pss:");
        var uss = Kib(rollup, "Private_Clean:") + Kib(rollup, "Private_Dirty:");
        var commandLine = CommandLine(pid);
        name ??= Path.GetFileName(commandLine.Split(' ')[0]);
        if (name.Length == 0)
            name = Read($"/proc/{pid}/comm")?.Trim() ?? pid.ToString();
        return new ProcessSample(pid, name, commandLine, rss / 1024.0, pss / 1024.0, uss / 1024.0);
    }

    static long Kib(string text, string key)
    {
        foreach (var line in text.Split('\n'))
            if (line.StartsWith(key, StringComparison.Ordinal)
                && long.TryParse(line[key.Length..].Trim().Split(' ')[0], out var kib))
                return kib;
        return 0;
    }

    static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
