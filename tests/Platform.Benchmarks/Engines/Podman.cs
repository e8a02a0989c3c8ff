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

    public override async Task StopAsync()
    {
        if (service is not null)
            await service.StopAsync(TimeSpan.FromSeconds(20));
        // netavark keeps its run state in /run/containers/networks whatever the configuration says.
        if (!runContainersExisted && service is not null)
            TempRoot.RemoveIfEmpty("/run/containers/networks", "/run/containers");
    }

    public override IReadOnlyList<ProcessSample> Processes()
    {
        // conmon double-forks away from the service; it carries our directory on its command line.
        var own = ProcessTable.Pids().Where(pid => pid != Environment.ProcessId && ProcessTable.CommandLine(pid).Contains(dir));
        return Sample(ProcessTable.WithDescendants(new[] { service?.Pid }.OfType<int>().Concat(own)));
    }
}
