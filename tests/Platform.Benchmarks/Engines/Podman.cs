namespace Platform.Benchmarks.Engines;

/// <summary>
/// <c>podman system service</c> on its own socket, with its own storage root, run root, tmp dir,
/// containers.conf and storage.conf; runc and cgroupfs, events to a file (no systemd here).
/// </summary>
public sealed class Podman(TempRoot root) : Engine
{
    readonly string dir = root.Dir("podman");
    Daemon? service;
    bool runContainersExisted;

    public override string Name => "podman";
    public override DockerEndpoint Endpoint => DockerEndpoint.Unix(Path.Combine(dir, "podman.sock"));

    protected override async Task StartCoreAsync(CancellationToken ct)
    {
        string storage = Path.Combine(dir, "root"), run = Path.Combine(dir, "run"), tmp = Path.Combine(dir, "tmp");
        var containersConf = Path.Combine(dir, "containers.conf");
        File.WriteAllText(containersConf, $"""
            [engine]
            cgroup_manager = "cgroupfs"
            events_logger = "file"
            events_logfile_path = "{dir}/events.log"
            runtime = "runc"
            tmp_dir = "{tmp}"
            volume_path = "{storage}/volumes"
            [network]
            network_config_dir = "{dir}/networks"
            {ContainersSection()}
            """);
        var storageConf = Path.Combine(dir, "storage.conf");
        File.WriteAllText(storageConf, $"""
            [storage]
            driver = "overlay"
            graphroot = "{storage}"
            runroot = "{run}"
            """);
        runContainersExisted = Directory.Exists("/run/containers");
        service = new Daemon("podman", dir, "podman",
        [
            "--root", storage, "--runroot", run, "--tmpdir", tmp, "--runtime", "runc",
            "--cgroup-manager", "cgroupfs", "--events-backend", "file",
            "system", "service", "--time=0", Endpoint.DockerHost,
        ], new Dictionary<string, string>
        {
            ["CONTAINERS_CONF"] = containersConf,
            ["CONTAINERS_STORAGE_CONF"] = storageConf,
        });
        service.Start();
        await WaitForPingAsync(TimeSpan.FromSeconds(60), () => service.Pid is not null, () => service.LogTail(), ct);
    }

    /// <summary>
    /// As root, podman gives every container RLIMIT_NOFILE 1048576 and RLIMIT_NPROC 4194304; without CAP_SYS_RESOURCE
    /// (a sandbox) that is above the hard limits, and every start fails with "error setting rlimit type 7" (or 6).
    /// Then give containers our own hard limits, as dockerd's inherit its, except that the conmon podman starts is
    /// left with at most 32768 processes (seen here: conmon's /proc/pid/limits; even "nproc=-1:-1" fails).
    /// </summary>
    static string ContainersSection()
    {
        (string Row, string Ulimit, long PodmanDefault, long Ceiling)[] limits =
            [("Max open files", "nofile", 1048576, long.MaxValue), ("Max processes", "nproc", 4194304, 32768)];
        var lowered = limits
            .Select(l => (l.Ulimit, Hard: HardLimit(l.Row) is { } hard ? Math.Min(hard, l.Ceiling) : (long?)null, l.PodmanDefault))
            .Where(l => l.Hard < l.PodmanDefault)
            .Select(l => $"\"{l.Ulimit}={l.Hard}:{l.Hard}\"")
            .ToList();
        return lowered.Count == 0 ? "" : $"[containers]\ndefault_ulimits = [{string.Join(", ", lowered)}]";
    }

    static long? HardLimit(string name) =>
        File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith(name))?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { } words
        && words.Length >= 2 && long.TryParse(words[^2], out var hard) ? hard : null;

    public override async Task StopAsync()
    {
        if (service is not null)
        {
            await service.StopAsync(TimeSpan.FromSeconds(20));
            await AwaitExitCommandsAsync(TimeSpan.FromSeconds(20));
        }
        // netavark keeps its run state in /run/containers/networks whatever the configuration says.
        if (!runContainersExisted && service is not null)
            TempRoot.RemoveIfEmpty("/run/containers/networks", "/run/containers");
    }

    /// <summary>
    /// conmon runs `podman container cleanup` when its container exits; after a mass `rm -f` the last of them may still
    /// be at work when the service has stopped, and would remount the storage under a root being deleted. Wait for
    /// every process naming our directory; kill what is left (a container still running after an interrupt).
    /// </summary>
    async Task AwaitExitCommandsAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Own().Any() && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        foreach (var pid in Own())
            Daemon.Signal(pid, "KILL");
    }

    IEnumerable<int> Own() => ProcessTable.Pids().Where(pid => pid != Environment.ProcessId && ProcessTable.CommandLine(pid).Contains(dir));

    public override IReadOnlyList<ProcessSample> Processes()
    {
        // conmon double-forks away from the service; it carries our directory on its command line.
        return Sample(ProcessTable.WithDescendants(new[] { service?.Pid }.OfType<int>().Concat(Own())));
    }
}
