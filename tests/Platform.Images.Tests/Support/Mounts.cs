using System.Diagnostics;

namespace Platform.Images.Tests.Support;

/// <summary>Mounting through the real mount(8)/umount(8), the way an operator or runtime would.</summary>
public static class Mounts
{
    /// <summary>Mount points at or below <paramref name="directory"/>, from /proc/self/mountinfo (field 5).</summary>
    public static IReadOnlyList<string> Under(string directory) =>
        [.. File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4])
            .Where(point => point == directory || point.StartsWith(directory + "/", StringComparison.Ordinal))];

    public static void Overlay(string mountData, string target, string? workingDirectory = null) =>
        Run("mount", ["-t", "overlay", "overlay", "-o", mountData, target], workingDirectory);

    public static void Unmount(string target) => Run("umount", [target]);

    public static string Run(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {stderr}");
        return stdout.Result;
    }
}
