using System.Diagnostics;

namespace Platform.Networking.Tests.Integration.DataPlane;

/// <summary>Looks at the kernel from outside the data plane: busybox ping through nsenter, ip, sysfs, mountinfo.</summary>
static class Kernel
{
    public static async Task<(int Exit, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs a command inside the sandbox's network namespace (or on the host when the path is null).</summary>
    public static Task<(int Exit, string Output)> InAsync(string? sandboxPath, params string[] command) => sandboxPath is null
        ? RunAsync(command[0], command[1..])
        : RunAsync("/usr/bin/nsenter", [$"--net={sandboxPath}", .. command]);

    /// <summary>One echo request with a one-second wait; a few tries when <paramref name="expectReply"/>, so ARP has time.</summary>
    public static async Task<bool> PingsAsync(string? fromSandbox, string address, bool expectReply = true)
    {
        for (var attempt = 0; attempt < (expectReply ? 3 : 1); attempt++)
            if ((await InAsync(fromSandbox, "/bin/busybox", "ping", "-c", "1", "-W", "1", address)).Exit == 0) return true;
        return false;
    }

    public static bool LinkExists(string name) => Directory.Exists($"/sys/class/net/{name}");

    public static bool IsMounted(string path) =>
        File.ReadAllLines("/proc/self/mountinfo").Any(line => line.Split(' ')[4] == path);

    public static bool ForwardsIPv4 => File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim() == "1";
}
