using System.Formats.Tar;
using System.Text.Json.Nodes;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// The floor under every engine's `docker run`: runc alone running `true` in an OCI bundle of the same busybox rootfs
/// (`runc spec`, then args ["true"] and no terminal), `runc run --bundle`, with its state in the scratch directory.
/// It does not depend on the engine, so it is measured once, on the first engine's turn, and shown in that column.
/// </summary>
public sealed class RuncRun : IScenario
{
    const int Warmups = 3, Runs = 20;
    int _measured;

    public string Name => "runc-run";
    public string Description => $"floor, engine-independent: `runc run --bundle` of busybox `true`, median of {Runs} runs after {Warmups} warmups (shown once)";

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _measured, 1) == 1)
            return;
        var runc = Tools.OnPath("runc") ?? "/usr/sbin/runc";
        var bundle = await WriteBundleAsync(runc, context, ct);
        string[] args = ["--root", Path.Combine(context.Scratch, "state"), "run", "--bundle", bundle, $"platform-bench-{Environment.ProcessId}"];
        var env = new Dictionary<string, string?>();
        var (code, stdout, stderr) = await Cli.ExecAsync(runc, args, env, ct);
        if (code != 0)
            throw new InvalidOperationException($"runc run exited {code}: {Cli.FirstLine(stderr + stdout)}");
        context.Record(engine, "runc run true (no engine)", "ms",
            await Cli.TimeProgramAsync(context, "runc", runc, args, env, Warmups, Runs, ct), 50, 90);
    }

    static async Task<string> WriteBundleAsync(string runc, ScenarioContext context, CancellationToken ct)
    {
        var bundle = Directory.CreateDirectory(Path.Combine(context.Scratch, "bundle")).FullName;
        var rootfs = Directory.CreateDirectory(Path.Combine(bundle, "rootfs")).FullName;
        await TarFile.ExtractToDirectoryAsync(await BusyboxImage.WriteAsync(context.Scratch, ct), rootfs, overwriteFiles: true, ct);
        var (code, stdout, stderr) = await Cli.ExecAsync(runc, ["spec", "--bundle", bundle], new Dictionary<string, string?>(), ct);
        if (code != 0)
            throw new InvalidOperationException($"runc spec exited {code}: {Cli.FirstLine(stderr + stdout)}");
        var configPath = Path.Combine(bundle, "config.json");
        var config = JsonNode.Parse(await File.ReadAllTextAsync(configPath, ct))!;
        config["process"]!["args"] = new JsonArray("true");
        config["process"]!["terminal"] = false;
        await File.WriteAllTextAsync(configPath, config.ToJsonString(), ct);
        return bundle;
    }
}
