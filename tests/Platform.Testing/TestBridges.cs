using System.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// Bridges a test platform leaves: its default bridge outlives the networking service by design (containers keep
/// their network across a restart), so the fixture removes it, with its iptables rules, when the platform goes.
/// </summary>
public static class TestBridges
{
    public static async Task RemoveAsync(string bridge)
    {
        await RunAsync("ip", "link", "delete", bridge);
        var rules = await RunAsync("iptables", "-S");
        foreach (var rule in rules.Split('\n').Where(r => r.StartsWith("-A ", StringComparison.Ordinal) && r.Split(' ').Contains(bridge)))
            await RunAsync(["iptables", "-D", .. rule[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
    }

    /// <summary>
    /// Bridges of test platforms (default "pt…", user networks "pbr-…") holding an address in the /16 of
    /// <paramref name="subnet"/>: leftovers of a killed run.
    /// </summary>
    public static async Task RemoveHoldingAsync(string subnet)
    {
        var prefix = string.Join('.', subnet.Split('.').Take(2)) + ".";
        var addresses = await RunAsync("ip", "-o", "-4", "addr", "show");
        foreach (var line in addresses.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 3 && (fields[1].StartsWith("pt", StringComparison.Ordinal) || fields[1].StartsWith("pbr-", StringComparison.Ordinal)) && fields[3].StartsWith(prefix, StringComparison.Ordinal))
                await RemoveAsync(fields[1]);
        }
    }

    /// <summary>networking's netns directory is a mount point; the run dir can only go once it is unmounted.</summary>
    public static async Task UnmountAsync(string directory)
    {
        for (var attempt = 0; attempt < 4 && File.ReadLines("/proc/self/mountinfo").Any(line => line.Split(' ')[4] == directory); attempt++)
            await RunAsync("umount", "--lazy", directory); // mounted once per start of the service that made it
    }

    static async Task<string> RunAsync(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command[1..]) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
