using System.Diagnostics;

namespace Platform.Benchmarks.Engines;

/// <summary>
/// The private directory the peers live in for one run: created at start, unmounted and deleted at
/// the end. Roots left by a harness that was killed are cleaned up the next time.
/// </summary>
public sealed class TempRoot
{
    const string Prefix = "platform-bench-";

    TempRoot(string path) => Path = path;

    public string Path { get; }

    public static TempRoot Create()
    {
        // Short: unix socket paths are limited to 108 bytes.
        var parent = Directory.Exists("/var/tmp") ? "/var/tmp" : System.IO.Path.GetTempPath();
        foreach (var stale in Directory.EnumerateDirectories(parent, Prefix + "*"))
            CleanUpStale(stale);
        var root = Directory.CreateDirectory(System.IO.Path.Combine(parent, Prefix + Environment.ProcessId)).FullName;
        File.WriteAllText(System.IO.Path.Combine(root, "harness.pid"), Environment.ProcessId.ToString());
        return new TempRoot(root);
    }

    public string Dir(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

    /// <summary>Unmount whatever the engines left mounted under the root, then delete it.</summary>
    public void Delete() => Delete(Path);

    static void Delete(string root)
    {
        foreach (var mount in MountsUnder(root))
            Run("umount", "-l", mount);
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"could not delete {root}: {e.Message}");
        }
    }

/// <summary>Remove directories an engine made outside the root, if it left them empty (innermost first).</summary>
    public static void RemoveIfEmpty(params string[] directories)
    {
        foreach (var d in directories)
            try
            {
                if (Directory.Exists(d) && !Directory.EnumerateFileSystemEntries(d).Any())
                    Directory.Delete(d);
            }
            catch (IOException) { }
    }

    static void CleanUpStale(string root)
    {
        var owner = ReadPid(System.IO.Path.Combine(root, "harness.pid"));
        if (owner is { } o && ProcessTable.IsAlive(o) && ProcessTable.CommandLine(o).Contains("Platform.Benchmarks"))
            return; // another run in progress
        Console.Error.WriteLine($"cleaning up {root} left by an earlier run");
        foreach (var pidFile in Directory.EnumerateFiles(root, "*.pid", SearchOption.AllDirectories))
            if (ReadPid(pidFile) is { } pid && ProcessTable.CommandLine(pid).Contains(root))
                Daemon.Signal(pid, "KILL");
        Thread.Sleep(500);
        Delete(root);
    }

    static int? ReadPid(string file) =>
        File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;

    static IEnumerable<string> MountsUnder(string root) =>
        File.ReadLines("/proc/self/mountinfo")
            .Select(line => Unescape(line.Split(' ')[4]))
            .Where(mount => mount.StartsWith(root + "/", StringComparison.Ordinal))
            .OrderByDescending(mount => mount.Length)
            .ToList();

    static string Unescape(string field) =>
        System.Text.RegularExpressions.Regex.Replace(field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());

    static void Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardError = true });
        p?.WaitForExit();
    }
}
