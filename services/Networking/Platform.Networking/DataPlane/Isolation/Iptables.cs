using System.Diagnostics;

namespace Platform.Networking.DataPlane.Isolation;

/// <summary>
/// Runs the distribution's iptables (the nft backend on Debian) for the filter table. Off the hot path: networks
/// are created and removed rarely, so a process per change is fine. One change at a time in this process.
/// </summary>
internal sealed class Iptables
{
    readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try { return await change(); }
        finally { _gate.Release(); }
    }

    /// <summary>The filter table as `iptables -S` lists it: "-P …", "-N chain", "-A chain rule…".</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken ct) =>
        (await RunAsync("iptables", ["-w", "-t", "filter", "-S"], null, ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async Task CreateChainAsync(string chain, CancellationToken ct)
    {
        try { await RunAsync("iptables", ["-w", "-t", "filter", "-N", chain], null, ct); }
        catch (IOException e) when (e.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase)) { }
    }

    /// <summary>Applies "-A/-I/-D chain …" lines in one transaction, leaving every other rule as it is.</summary>
    public Task ApplyAsync(IReadOnlyCollection<string> changes, CancellationToken ct) => changes.Count == 0
        ? Task.CompletedTask
        : RunAsync("iptables-restore", ["--noflush"], $"*filter\n{string.Join('\n', changes)}\nCOMMIT\n", ct);

    static async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, string? input, CancellationToken ct)
    {
        var start = new ProcessStartInfo(File.Exists($"/usr/sbin/{tool}") ? $"/usr/sbin/{tool}" : tool)
        {
            RedirectStandardInput = input is not null, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new IOException($"{tool} did not start");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), ct);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0
            ? await output
            : throw new IOException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {(await error).Trim()}");
    }
}
