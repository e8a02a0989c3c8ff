using System.Diagnostics;

namespace Platform.Runtime.Engine.Native;

/// <summary>
/// A helper program run to its end with its output captured (runc, mount, ps). The output readers are disposed here:
/// Process.Dispose leaves streams its caller has read alone, so each run kept two pipe descriptors open in runtime
/// until a collection finalised them.
/// </summary>
static class ChildProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IEnumerable<string> args,
        CancellationToken ct, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} could not be started");
        using var stdoutReader = process.StandardOutput;
        using var stderrReader = process.StandardError;
        var stdout = stdoutReader.ReadToEndAsync(ct);
        var stderr = stderrReader.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout, await stderr);
    }
}
