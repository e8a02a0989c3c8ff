using System.Text.RegularExpressions;
using Platform.Runtime.Engine.Native;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Top;

/// <summary>
/// Runs the host's ps with the client's ps_args (default -ef), narrowed to the container's pids with -q when ps
/// accepts it together with those arguments (some, such as f, refuse -q: then ps runs on its own and rows are filtered).
/// </summary>
public static partial class PsCommand
{
    public const string DefaultArgs = "-ef";

    public static async Task<string> RunAsync(string psArgs, IReadOnlyCollection<int> pids, CancellationToken ct)
    {
        Validate(psArgs);
        var args = ProcessTable.Fields(psArgs.Length == 0 ? DefaultArgs : psArgs);
        var narrowed = await TryRunAsync([.. args, "-q", string.Join(',', pids)], ct);
        if (narrowed.ExitCode == 0) return narrowed.Stdout;
        var plain = await TryRunAsync(args, ct);
        if (plain.ExitCode != 0)
            throw new DockerApiException(500, $"ps: {plain.Stderr.Trim()}");
        return plain.Stdout;
    }

    /// <summary>moby refuses renaming a column to PID ("-o user=PID"), which would fool the PID lookup.</summary>
    static void Validate(string psArgs)
    {
        foreach (Match m in RenamedPid().Matches(psArgs))
            if (m.Groups[1].Value != "pid")
                throw DockerApiException.BadRequest($"specifying \"{m.Groups[1].Value}={m.Groups[2].Value}\" is not allowed");
    }

    static async Task<(int ExitCode, string Stdout, string Stderr)> TryRunAsync(IEnumerable<string> args, CancellationToken ct)
    {
        try
        {
            return await ChildProcess.RunAsync("ps", args, ct);
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new DockerApiException(500, $"Error running ps: {error.Message}");
        }
    }

    [GeneratedRegex(@"\s+(\S*)=\s*(PID\S*)")]
    private static partial Regex RenamedPid();
}
