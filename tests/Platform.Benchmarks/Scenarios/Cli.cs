using System.Diagnostics;
using System.Text.Json;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>Runs and times the real docker CLI against one engine.</summary>
public static class Cli
{
    /// <summary>The CLI's environment: DOCKER_HOST at the engine, an empty client config, nothing else of the user's.</summary>
    public static Dictionary<string, string?> Environment(Engine engine, ScenarioContext context) => new()
    {
        ["DOCKER_HOST"] = engine.Endpoint.DockerHost,
        ["DOCKER_CONFIG"] = context.Tools.DockerConfig,
        ["DOCKER_CONTEXT"] = null,
        ["DOCKER_API_VERSION"] = null,
        ["DOCKER_TLS_VERIFY"] = null,
        ["DOCKER_CERT_PATH"] = null,
    };

    /// <summary>Run once, untimed; throws with the CLI's own message if it fails.</summary>
    public static async Task<string> RunAsync(Engine engine, ScenarioContext context, IReadOnlyList<string> args, CancellationToken ct)
    {
        var (code, stdout, stderr) = await ExecAsync(context.Tools.DockerCli, args, Environment(engine, context), ct);
        return code == 0 ? stdout
            : throw new InvalidOperationException($"docker {string.Join(' ', args)} exited {code}: {FirstLine(stderr + stdout)}");
    }

    /// <summary>
    /// Wall time in ms of <paramref name="runs"/> runs after <paramref name="warmups"/>: through hyperfine
    /// (no shell) when installed, else timed here around process start and exit.
    /// </summary>
    public static async Task<IReadOnlyList<double>> TimeAsync(Engine engine, ScenarioContext context, IReadOnlyList<string> args,
        int warmups, int runs, CancellationToken ct)
    {
        await RunAsync(engine, context, args, ct); // a failing command would time its error message
        return await TimeProgramAsync(context, engine.Name, context.Tools.DockerCli, args, Environment(engine, context), warmups, runs, ct);
    }

    /// <summary>
    /// The same for any program (already known to succeed), e.g. runc as the floor under the engines;
    /// <paramref name="label"/> names hyperfine's result file in the scenario's scratch directory.
    /// </summary>
    public static async Task<IReadOnlyList<double>> TimeProgramAsync(ScenarioContext context, string label, string file,
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> env, int warmups, int runs, CancellationToken ct)
    {
        if (context.Tools.Hyperfine is { } hyperfine)
        {
            var json = Path.Combine(context.Scratch, $"{label}.json");
            var command = string.Join(' ', new[] { file }.Concat(args).Select(Quote));
            var (code, stdout, stderr) = await ExecAsync(hyperfine,
                ["-N", "--style", "none", "--warmup", $"{warmups}", "--runs", $"{runs}", "--export-json", json, command], env, ct);
            if (code != 0)
                throw new InvalidOperationException($"hyperfine exited {code}: {FirstLine(stderr + stdout)}");
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json, ct));
            return [.. doc.RootElement.GetProperty("results")[0].GetProperty("times").EnumerateArray().Select(t => t.GetDouble() * 1000)];
        }
        var samples = new List<double>();
        for (var i = 0; i < warmups + runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var (code, _, stderr) = await ExecAsync(file, args, env, ct);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (code != 0)
                throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited {code}: {FirstLine(stderr)}");
            if (i >= warmups)
                samples.Add(elapsed);
        }
        return samples;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> ExecAsync(string file, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string?> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file, args)
            { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    static string Quote(string arg) => arg.Contains(' ') || arg.Contains('\'') ? $"'{arg.Replace("'", "'\\''")}'" : arg;

    public static string FirstLine(string text) => text.Trim().Split('\n').FirstOrDefault(l => l.Length > 0)?.Trim() ?? "(no output)";
}
