namespace Platform.Benchmarks.Engines;

/// <summary>
/// Docker's daemon (Debian's docker.io) with its own containerd, data root, exec root, pidfile and
/// socket under the temp root; never the system's /var/run/docker.sock or /run/containerd.
/// </summary>
public sealed class Dockerd(TempRoot root) : Engine
{
    readonly string dir = root.Dir("dockerd");
    Daemon? containerd, dockerd;
    bool runDockerExisted, docker0Existed;

    public override string Name => "dockerd";
    public override DockerEndpoint Endpoint => DockerEndpoint.Unix(Path.Combine(dir, "docker.sock"));

    protected override async Task StartCoreAsync(CancellationToken ct)
    {
        // Our own containerd: dockerd would otherwise adopt /run/containerd/containerd.sock if the
        // system's containerd happens to run.
        var config = Path.Combine(dir, "containerd.toml");
        var containerdSocket = Path.Combine(dir, "containerd.sock");
        File.WriteAllText(config, $"""
            version = 2
            root = "{dir}/containerd-root"
            state = "{dir}/containerd-state"
            disabled_plugins = ["io.containerd.grpc.v1.cri"]
            [grpc]
              address = "{containerdSocket}"
            [ttrpc]
              address = "{containerdSocket}.ttrpc"
            [debug]
              address = "{dir}/containerd-debug.sock"
            """);
        containerd = new Daemon("containerd", dir, "containerd", ["--config", config]);
        containerd.Start();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(containerdSocket))
        {
            if (containerd.Pid is null || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"containerd did not start:\n{containerd.LogTail()}");
            await Task.Delay(50, ct);
        }

        runDockerExisted = Directory.Exists("/run/docker");
        docker0Existed = Directory.Exists("/sys/class/net/docker0");
        dockerd = new Daemon("dockerd", dir, "dockerd",
        [
            "--data-root", Path.Combine(dir, "data"), "--exec-root", Path.Combine(dir, "exec"),
            "--pidfile", Path.Combine(dir, "dockerd-own.pid"), "-H", Endpoint.DockerHost,
            "--containerd", containerdSocket, "--config-file", WriteEmptyConfig(),
            // its default bridge on a subnet of its own (the platform's is 172.17.0.0/16), no NAT: nothing leaves the host
            "--bip=172.26.0.1/16", "--iptables=false", "--ip6tables=false",
        ]);
        dockerd.Start();
        await WaitForPingAsync(TimeSpan.FromSeconds(60), () => dockerd.Pid is not null, () => dockerd.LogTail(), ct);
    }

    // Never the host's /etc/docker/daemon.json.
    string WriteEmptyConfig()
    {
        var path = Path.Combine(dir, "daemon.json");
        File.WriteAllText(path, "{}");
        return path;
    }

    public override async Task StopAsync()
    {
        if (dockerd is not null)
            await dockerd.StopAsync(TimeSpan.FromSeconds(20));
        if (containerd is not null)
            await containerd.StopAsync(TimeSpan.FromSeconds(10));
        // dockerd makes /run/docker/plugins (plugin discovery) whatever its exec root is.
        if (!runDockerExisted && dockerd is not null)
            TempRoot.RemoveIfEmpty("/run/docker/plugins", "/run/docker");
        // ... and leaves its bridge behind.
        if (!docker0Existed && dockerd is not null && Directory.Exists("/sys/class/net/docker0"))
        {
            using var ip = System.Diagnostics.Process.Start("ip", ["link", "delete", "docker0"]);
            await ip.WaitForExitAsync();
        }
    }

    public override IReadOnlyList<ProcessSample> Processes()
    {
        int?[] started = [dockerd?.Pid, containerd?.Pid];
        // Shims reparent away from containerd; they carry our directory on their command line.
        var own = ProcessTable.Pids().Where(pid => pid != Environment.ProcessId && ProcessTable.CommandLine(pid).Contains(dir));
        return Sample(ProcessTable.WithDescendants(started.OfType<int>().Concat(own)));
    }
}
