namespace Platform.Benchmarks.Engines;

/// <summary>
/// The platform, already running (deploy/platform.sh): the harness neither starts nor stops it.
/// Its processes are those whose command line names a <c>Platform.</c> assembly or executable
/// (runtime, images, networking, build, registry, events, gateway) and their children.
/// </summary>
public sealed class PlatformEngine(Uri host) : Engine
{
    public override string Name => "platform";
    public override DockerEndpoint Endpoint { get; } = new(host);

    protected override async Task StartCoreAsync(CancellationToken ct)
    {
        Problem = await Endpoint.PingProblemAsync(ct);
        State = Problem is null ? EngineState.Running : EngineState.NotRunning;
    }

    public override Task StopAsync() => Task.CompletedTask;

    /// <summary>The services every host runs (architecture.md); registry and events run once for a fleet.</summary>
    public override bool IsPerHost(ProcessSample process) => process.Name is not ("Platform.Registry" or "Platform.Events");

    public override IReadOnlyList<ProcessSample> Processes()
    {
        var services = new Dictionary<int, string>();
        foreach (var pid in ProcessTable.Pids())
            if (pid != Environment.ProcessId && ServiceName(ProcessTable.CommandLine(pid)) is { } name)
                services[pid] = name;
        return Sample(ProcessTable.WithDescendants(services.Keys), pid => services.GetValueOrDefault(pid));
    }

    /// <summary>"Platform.Runtime" for ".../Platform.Runtime" or "dotnet .../Platform.Gateway.dll"; null for
    /// anything else, including test hosts, this harness and the dotnet CLI building or running projects.</summary>
    internal static string? ServiceName(string commandLine)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || commandLine.Contains("Platform.Benchmarks") || commandLine.Contains(".Tests")
            || words.Any(w => w.Contains("testhost") || w.EndsWith("MSBuild.dll") || w.EndsWith("vstest.console.dll"))
            || (Path.GetFileName(words[0]) == "dotnet" && words.Length > 1 && words[1] is "run" or "build" or "test" or "watch" or "publish"))
            return null;
        // The executable itself, or the assembly handed to dotnet.
        foreach (var word in words)
        {
            var file = Path.GetFileName(word);
            if (file.StartsWith("Platform.", StringComparison.Ordinal))
                return file.EndsWith(".dll", StringComparison.Ordinal) ? file[..^4] : file;
        }
        return null;
    }
}
