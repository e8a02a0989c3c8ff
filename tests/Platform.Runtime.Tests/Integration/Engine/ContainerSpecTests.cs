using Platform.Runtime.Engine;

namespace Platform.Runtime.Tests.Integration.Engine;

/// <summary>What a process sees inside a container built with Docker's defaults and the caller's options.</summary>
public sealed class ContainerSpecTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    Task<(ContainerExit Exit, string Log)> Run(ContainerLaunch launch, RootfsPlan? plan = null) => fixture.RunAsync(launch, plan);

    ContainerLaunch Shell(string script) => EngineFixture.Launch(fixture.NewId(), "sh", "-c", script);

    [Fact]
    public async Task A_memory_limit_shows_in_the_containers_cgroup()
    {
        var (exit, log) = await Run(Shell("cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes")
            with { Resources = ResourceLimits.None with { Memory = 50 * 1024 * 1024 } });
        Assert.Equal(0, exit.ExitCode);
        Assert.Equal("52428800\n104857600\n", log);
    }

    [Fact]
    public async Task Nano_cpus_become_a_quota_over_a_100ms_period_and_pids_limit_applies()
    {
        var (_, log) = await Run(Shell("cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us /sys/fs/cgroup/pids/pids.max")
            with { Resources = ResourceLimits.None with { NanoCpus = 1_500_000_000, PidsLimit = 42 } });
        Assert.Equal("150000\n100000\n42\n", log);
    }

    [Fact]
    public async Task A_readonly_rootfs_refuses_writes_but_tmp_mounts_do_not()
    {
        var (exit, log) = await Run(Shell("touch /file 2>&1; touch /scratch/file && echo tmpfs-ok") with
        {
            ReadonlyRootfs = true,
            Mounts = [new MountSpec("", "/scratch", "tmpfs", false, ["size=1m"])],
        }, EngineFixture.Overlay);
        Assert.Equal(0, exit.ExitCode);
        Assert.Contains("Read-only file system", log);
        Assert.EndsWith("tmpfs-ok\n", log);
    }

    [Fact]
    public async Task A_numeric_user_and_group_run_the_process()
    {
        var (_, log) = await Run(Shell("id") with { User = "1000:1000" });
        Assert.StartsWith("uid=1000(app) gid=1000(app)", log);
    }

    [Fact]
    public async Task A_user_name_gets_its_primary_and_supplementary_groups_and_home()
    {
        var (_, log) = await Run(Shell("id; echo $HOME") with { User = "app" });
        Assert.Equal("uid=1000(app) gid=1000(app) groups=50(staff)\n/home/app\n", log); // supplementary: /etc/group members
    }

    [Fact]
    public async Task An_unknown_user_is_refused_with_dockers_message()
    {
        var error = await Assert.ThrowsAsync<EngineException>(() => fixture.CreateAsync(Shell("id") with { User = "ghost" }));
        Assert.Equal("unable to find user ghost: no matching entries in passwd file", error.Message);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task Init_runs_as_pid_1_and_the_command_below_it()
    {
        var (_, log) = await Run(Shell("cat /proc/1/cmdline | tr '\\0' ' '; echo; echo $$") with { Init = true });
        Assert.StartsWith("/sbin/docker-init -- sh -c", log);
        Assert.NotEqual("1", log.Split('\n')[1]);
    }

    [Fact]
    public async Task Hostname_hosts_env_and_docker_capabilities_are_set()
    {
        var (_, log) = await Run(Shell("hostname; grep web /etc/hosts; echo $HOSTNAME $PATH $GREETING; grep CapEff /proc/self/status")
            with { Hostname = "web", Env = ["GREETING=hello"], IpAddress = "10.1.2.3" });
        var lines = log.Split('\n');
        Assert.Equal("web", lines[0]);
        Assert.Equal("10.1.2.3\tweb", lines[1]);
        Assert.Equal("web /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin hello", lines[2]);
        Assert.Equal("CapEff:\t00000000a80425fb", lines[3]); // Docker's default set
    }

    [Fact]
    public async Task Cap_drop_all_and_seccomp_keep_an_unprivileged_container_from_mounting_and_unsharing()
    {
        var (_, log) = await Run(Shell("mount -t tmpfs none /mnt 2>&1; unshare -n true 2>&1; echo done") with { CapDrop = ["ALL"] });
        Assert.Contains("mount: permission denied", log);
        Assert.Contains("Operation not permitted", log);
        Assert.EndsWith("done\n", log);
    }

    [Fact]
    public async Task Masked_paths_are_empty_and_proc_sys_is_read_only()
    {
        var (_, log) = await Run(Shell("echo timer_list=$(cat /proc/timer_list | wc -c) acpi=$(ls /proc/acpi | wc -l); echo 1 > /proc/sys/kernel/domainname || echo refused"));
        Assert.StartsWith("timer_list=0 acpi=0\n", log); // this host has no /proc/kcore; these two exist
        Assert.Contains("Read-only file system", log);
        Assert.Contains("refused\n", log); // stdout and stderr are separate pipes: no order between them
    }
}
