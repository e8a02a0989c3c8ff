using System.Diagnostics;
using System.Formats.Tar;
using System.Net;
using System.Net.Sockets;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// Moving an image with a 64 MiB layer, through the real CLI: push to and pull from Debian's docker-registry on
/// loopback (the same registry for every engine), then docker save and docker load of the same image.
/// Each pull starts with no local copy of the layer, so it downloads and unpacks the whole layer.
/// </summary>
public sealed class ImageTransfer : IScenario
{
    const int Runs = 3;
    const int LayerMiB = 64;
    Process? _registry;
    int _port;
    string _rootfs = "";
    int _prepared;

    public string Name => "image-transfer";
    public string Description => $"docker push / pull (docker-registry on loopback), save / load of an image with a {LayerMiB} MiB layer, {Runs} runs";

    public async Task PrepareAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _prepared) == 1) await StartRegistryAsync(context, ct);
        await Cli.RunAsync(engine, context, ["import", _rootfs, Source], ct);
    }

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        var push = new List<double>();
        var pull = new List<double>();
        var save = new List<double>();
        var load = new List<double>();
        var archive = Path.Combine(context.Scratch, $"{engine.Name}.tar");
        for (var i = 0; i < Runs; i++)
        {
            var remote = $"127.0.0.1:{_port}/{engine.Name}-{Guid.NewGuid():N}/transfer:1";
            await Cli.RunAsync(engine, context, ["tag", Source, remote], ct);
            push.Add(await TimeAsync(engine, context, ["push", remote], ct));
            await Cli.RunAsync(engine, context, ["rmi", remote, Source], ct);
            pull.Add(await TimeAsync(engine, context, ["pull", remote], ct));
            await Cli.RunAsync(engine, context, ["tag", remote, Source], ct);
            await Cli.RunAsync(engine, context, ["rmi", remote], ct);

            File.Delete(archive);
            save.Add(await TimeAsync(engine, context, ["save", "-o", archive, Source], ct));
            await Cli.RunAsync(engine, context, ["rmi", Source], ct);
            load.Add(await TimeAsync(engine, context, ["load", "-i", archive], ct));
        }
        context.Record(engine, "push", "ms", push, 50);
        context.Record(engine, "pull", "ms", pull, 50);
        context.Record(engine, "save", "ms", save, 50);
        context.Record(engine, "load", "ms", load, 50);
    }

    public async Task CleanupAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        try { await Cli.RunAsync(engine, context, ["rmi", Source], ct); } catch (InvalidOperationException) { }
        if (Interlocked.Decrement(ref _prepared) == 0 && _registry is { HasExited: false } registry)
        {
            registry.Kill(entireProcessTree: true);
            await registry.WaitForExitAsync(ct);
        }
    }

    const string Source = "platform-bench/transfer:src";

    static async Task<double> TimeAsync(Engine engine, ScenarioContext context, IReadOnlyList<string> args, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        await Cli.RunAsync(engine, context, args, ct);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    async Task StartRegistryAsync(ScenarioContext context, CancellationToken ct)
    {
        _rootfs = Path.Combine(context.Scratch, "rootfs.tar");
        await using (var file = File.Create(_rootfs))
        await using (var tar = new TarWriter(file, TarEntryFormat.Pax))
        {
            var data = new byte[LayerMiB << 20];
            Random.Shared.NextBytes(data);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "data/") { Mode = (UnixFileMode)0x1ED }, ct);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "data/random.bin")
                { DataStream = new MemoryStream(data), Mode = (UnixFileMode)0x1A4 }, ct);
        }

        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var storage = Directory.CreateDirectory(Path.Combine(context.Scratch, "registry")).FullName;
        var config = Path.Combine(context.Scratch, "registry.yml");
        await File.WriteAllTextAsync(config,
            $"version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {storage}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:{_port}\n", ct);
        var binary = Tools.OnPath("docker-registry") ?? "/usr/bin/docker-registry";
        _registry = Process.Start(new ProcessStartInfo(binary, ["serve", config])
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start docker-registry (apt-get install docker-registry)");
        _registry.OutputDataReceived += (_, _) => { };
        _registry.ErrorDataReceived += (_, _) => { };
        _registry.BeginOutputReadLine();
        _registry.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{_port}/v2/", ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100, ct);
        }
        throw new InvalidOperationException($"docker-registry did not answer on 127.0.0.1:{_port}");
    }
}
