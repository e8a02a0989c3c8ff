using System.Diagnostics;

namespace Platform.Benchmarks.Engines;

/// <summary>
/// A peer's daemon process started by the harness: in its own session (so a Ctrl-C on the terminal
/// reaches the harness, which then stops it in order), output to a log file, pid in a file under
/// the temp root so a later run can clean up after a harness that was killed.
/// </summary>
public sealed class Daemon(string name, string directory, string executable, IReadOnlyList<string> arguments,
    IReadOnlyDictionary<string, string>? environment = null)
{
    Process? process;

    public string Name => name;
    public string LogPath => Path.Combine(directory, name + ".log");
    public int? Pid => process is { HasExited: false } p ? p.Id : null;

    public void Start()
    {
        Directory.CreateDirectory(directory);
        // sh → setsid → the daemon: one pid, exec'd twice, stdio to the log.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var arg in (string[])["-c", "exec setsid \"$0\" \"$@\" >>\"$BENCH_LOG\" 2>&1 </dev/null", executable, .. arguments])
            start.ArgumentList.Add(arg);
        start.Environment["BENCH_LOG"] = LogPath;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        File.WriteAllText(Path.Combine(directory, name + ".pid"), process.Id.ToString());
    }

    public string LogTail(int lines = 15)
    {
        try { return string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)); }
        catch (IOException) { return "(no log)"; }
    }

    /// <summary>SIGTERM, wait, then SIGKILL.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process is not { HasExited: false } p)
            return;
        Signal(p.Id, "TERM");
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"{name} did not stop in {grace.TotalSeconds:0}s; killing it");
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString()])
            { UseShellExecute = false, RedirectStandardError = true });
        kill?.WaitForExit();
    }
}
