namespace Platform.Benchmarks.Engines;

public enum EngineState { NotStarted, Running, NotRunning, Failed }

/// <summary>
/// An engine under comparison: where its Docker API is, how it is started and stopped, and which
/// processes are its own (for memory).
/// </summary>
public abstract class Engine
{
    public abstract string Name { get; }
    public abstract DockerEndpoint Endpoint { get; }
    public EngineState State { get; protected set; } = EngineState.NotStarted;
    /// <summary>Why the engine is not running, when it is not.</summary>
    public string? Problem { get; protected set; }
    public string? Version { get; private set; }
    public bool IsRunning => State == EngineState.Running;
    public string Status => State switch
    {
        EngineState.Running => Version ?? "running",
        EngineState.NotRunning => $"not running: {Problem}",
        EngineState.Failed => $"failed to start: {Problem}",
        _ => "not started",
    };

    /// <summary>Start (or find) the engine and wait until <c>GET /_ping</c> answers.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await StartCoreAsync(ct);
            if (IsRunning)
                Version = await Endpoint.VersionAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            State = EngineState.Failed;
            Problem = e.Message;
        }
    }

    protected abstract Task StartCoreAsync(CancellationToken ct);

    public abstract Task StopAsync();

    /// <summary>The engine's processes now, each with its RSS and PSS.</summary>
    public abstract IReadOnlyList<ProcessSample> Processes();

    /// <summary>Whether the process is one every host runs (all of a single-host daemon's are).</summary>
    public virtual bool IsPerHost(ProcessSample process) => true;

    /// <summary>
    /// The engine's processes while it runs <paramref name="containerIds"/>: <see cref="Processes"/> plus the helper
    /// it keeps per container (dockerd's containerd-shim-runc-v2 <c>-id</c>, podman's conmon <c>-c</c>, the platform's
    /// conmon <c>--cid</c>), found by the id on its command line since it may have left the engine's process tree;
    /// without the containers' own processes (their init and command, in a PID namespace of their own).
    /// </summary>
    public IReadOnlyList<ProcessSample> Processes(IReadOnlyCollection<string> containerIds)
    {
        var engine = Processes();
        var known = engine.Select(p => p.Pid).ToHashSet();
        var helpers = ProcessTable.WithDescendants(ProcessTable.Naming(containerIds).Where(pid => pid != Environment.ProcessId))
            .Where(pid => !known.Contains(pid));
        return [.. engine.Concat(Sample(helpers)).Where(p => !ProcessTable.InOtherPidNamespace(p.Pid)).OrderBy(p => p.Pid)];
    }

    protected async Task WaitForPingAsync(TimeSpan timeout, Func<bool> stillAlive, Func<string> log, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? problem;
        while ((problem = await Endpoint.PingProblemAsync(ct)) is not null)
        {
            if (!stillAlive())
                throw new InvalidOperationException($"{Name} exited during startup:\n{log()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name} did not answer /_ping in {timeout.TotalSeconds:0}s ({problem}):\n{log()}");
            await Task.Delay(100, ct);
        }
        State = EngineState.Running;
    }

    protected static IReadOnlyList<ProcessSample> Sample(IEnumerable<int> pids, Func<int, string?>? name = null) =>
        [.. pids.Order().Select(pid => ProcessTable.Sample(pid, name?.Invoke(pid))).OfType<ProcessSample>()];
}
