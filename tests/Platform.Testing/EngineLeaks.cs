using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>
/// What a runtime left on the host for containers that no longer exist: mounts under its root or run dir
/// (/proc/self/mountinfo; network namespaces of sandboxes included), cgroup directories /sys/fs/cgroup/*/platform/&lt;id&gt;, conmon or OCI runtime (runc, platform-oci) processes working
/// for that root, and per-container directories (bundle, runc state, exit file, attach sockets).
/// </summary>
public sealed partial record EngineLeaks(
    IReadOnlyList<string> Mounts, IReadOnlyList<string> Cgroups, IReadOnlyList<string> Processes, IReadOnlyList<string> Directories)
{
    public bool None => Mounts.Count + Cgroups.Count + Processes.Count + Directories.Count == 0;

    /// <summary>Containers the tests themselves left and that were removed through the API before the check.</summary>
    public IReadOnlyList<string> LeftByTests { get; init; } = [];

    /// <summary>Everything left for the given containers, or for every container of the root when ids is null.</summary>
    public static EngineLeaks Find(string root, string runDir, IReadOnlyCollection<string>? ids = null)
    {
        bool Concerns(string text) => ids is null ? text.Contains(root) || text.Contains(runDir) : ids.Any(text.Contains);
        // networking's netns directory is a mount point of its own (as `ip netns` makes it); the sandboxes in it are not
        var netns = NetnsDirectory(runDir);
        var mounts = File.ReadLines("/proc/self/mountinfo").Select(line => line.Split(' ')[4])
            .Where(point => (point.StartsWith(root, StringComparison.Ordinal) || point.StartsWith(runDir, StringComparison.Ordinal)) && Concerns(point))
            .Where(point => point != netns);
        var cgroups = Directory.EnumerateDirectories("/sys/fs/cgroup")
            .SelectMany(controller => (ids ?? JournaledIds(root)).Select(id => Path.Combine(controller, "platform", id)))
            .Where(Directory.Exists);
        var processes = Directory.EnumerateDirectories("/proc").Select(CommandLine).OfType<string>()
            .Where(cmd => IsEngineProcess(cmd) && (cmd.Contains(root) || cmd.Contains(runDir)) && Concerns(cmd));
        var directories = new[] { "runtime/containers", "runtime/runc", "runtime/exits", "runtime/sockets" }
            .SelectMany(dir => new[] { Path.Combine(root, dir), Path.Combine(runDir, dir) })
            .Where(Directory.Exists).SelectMany(Directory.EnumerateFileSystemEntries).Where(Concerns)
            .Where(entry => !Path.GetFileName(entry).StartsWith('.')); // the OCI runtime's own cache (.seccomp), no container's
        return new EngineLeaks([.. mounts], [.. cgroups], [.. processes], [.. directories]);
    }

    public static string NetnsDirectory(string runDir) => Path.Combine(runDir, "networking", "netns");

    /// <summary>Every container id the runtime journaled under this root (stream ids are stored as plain text).</summary>
    public static IReadOnlyCollection<string> JournaledIds(string root)
    {
        var journal = Path.Combine(root, "runtime", "journal");
        if (!Directory.Exists(journal)) return [];
        return Directory.EnumerateFiles(journal)
            .SelectMany(file => ContainerId().Matches(File.ReadAllText(file, System.Text.Encoding.Latin1)).Select(m => m.Value))
            .ToHashSet();
    }

    static bool IsEngineProcess(string commandLine)
    {
        var program = Path.GetFileName(commandLine.Split(' ')[0]);
        return program is "conmon" or "runc" or "platform-oci";
    }

    static string? CommandLine(string procDir)
    {
        try { return File.ReadAllText(Path.Combine(procDir, "cmdline")).Replace('\0', ' ').Trim() is { Length: > 0 } cmd ? cmd : null; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public override string ToString() =>
        string.Join("\n", new[]
            {
                ("mounts", Mounts), ("cgroups", Cgroups), ("processes", Processes), ("directories", Directories),
                ("containers the tests left (removed first)", LeftByTests),
            }
            .Where(kind => kind.Item2.Count > 0).Select(kind => $"{kind.Item1}:\n  " + string.Join("\n  ", kind.Item2)));

    [GeneratedRegex("(?<![0-9a-f:])[0-9a-f]{64}(?![0-9a-f])")]
    private static partial Regex ContainerId();
}

/// <summary>The engine left mounts, cgroups, processes or directories behind for containers that were removed.</summary>
public sealed class EngineLeakedException(string root, EngineLeaks leaks)
    : Exception($"The engine left these behind once every container was removed (root {root} kept for inspection):\n{leaks}");
