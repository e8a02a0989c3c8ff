using Platform.Testing;

namespace Platform.EndToEnd.Tests.Containers;

/// <summary>docker run options beyond the basics: volumes, read-only roots, tmpfs, capabilities, start -a and attach.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RunOptionsTests(PlatformFixture platform)
{
    string Host => platform.DockerHost("unix");

    static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_named_volume_is_created_on_first_use_and_outlives_its_containers()
    {
        var volume = NewName("vol");

        await DockerCli.SucceedAsync(Host, "run", "--rm", "-v", $"{volume}:/data", PlatformFixture.Busybox, "sh", "-c", "echo kept > /data/file");
        var read = await DockerCli.SucceedAsync(Host, "run", "--rm", "-v", $"{volume}:/data:ro", PlatformFixture.Busybox, "cat", "/data/file");
        var inspect = await DockerCli.SucceedAsync(Host, "volume", "inspect", "--format", "{{.Name}} {{.Driver}}", volume);

        Assert.Equal("kept\n", read.Stdout);
        Assert.Equal($"{volume} local", inspect.Stdout.Trim());
        await DockerCli.SucceedAsync(Host, "volume", "rm", volume);
    }

    [Fact]
    public async Task A_volume_in_use_cannot_be_removed_and_rm_v_removes_anonymous_volumes()
    {
        var name = NewName("anon");
        var volume = NewName("used");
        await DockerCli.SucceedAsync(Host, "create", "--name", name, "-v", $"{volume}:/named", "-v", "/anonymous", PlatformFixture.Busybox, "true");
        var mounts = await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{range .Mounts}}{{.Type}}:{{.Destination}}:{{.Name}} {{end}}", name);
        var anonymous = mounts.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries).Single(m => m.StartsWith("volume:/anonymous:", StringComparison.Ordinal)).Split(':')[2];

        var inUse = await DockerCli.RunAsync(Host, "volume", "rm", volume);
        await DockerCli.SucceedAsync(Host, "rm", "-v", name);
        var volumes = await DockerCli.SucceedAsync(Host, "volume", "ls", "--format", "{{.Name}}");

        Assert.Matches("^[0-9a-f]{64}$", anonymous);
        Assert.Contains("volume is in use", inUse.Stderr);
        Assert.DoesNotContain(anonymous, volumes.Stdout);
        Assert.Contains(volume, volumes.Stdout); // named volumes stay, as in Docker
        await DockerCli.SucceedAsync(Host, "volume", "rm", volume);
    }

    [Fact]
    public async Task A_new_volume_is_filled_with_the_image_content_at_its_mount_point()
    {
        var volume = NewName("copyup");

        var result = await DockerCli.SucceedAsync(Host, "run", "--rm", "-v", $"{volume}:/etc", PlatformFixture.Busybox, "cat", "/etc/group");

        Assert.StartsWith("root:x:0:", result.Stdout);
        await DockerCli.SucceedAsync(Host, "volume", "rm", volume);
    }

    [Fact]
    public async Task Read_only_root_with_a_tmpfs_and_dropped_capabilities()
    {
        var result = await DockerCli.RunAsync(Host, "run", "--rm", "--read-only", "--tmpfs", "/scratch", "--cap-drop", "CHOWN",
            PlatformFixture.Busybox, "sh", "-c",
            "echo ok > /scratch/f && cat /scratch/f; touch /nope 2>&1; chown 1000 /scratch/f 2>&1; grep CapEff /proc/self/status");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ok", result.Stdout);
        Assert.Contains("Read-only file system", result.Stdout);
        Assert.Contains("Operation not permitted", result.Stdout);
    }

    [Fact]
    public async Task No_new_privileges_and_pids_limit_reach_the_process()
    {
        var result = await DockerCli.SucceedAsync(Host, "run", "--rm", "--security-opt", "no-new-privileges", "--pids-limit", "50",
            PlatformFixture.Busybox, "sh", "-c", "grep NoNewPrivs /proc/self/status; cat /sys/fs/cgroup/pids/pids.max");

        Assert.Contains("NoNewPrivs:\t1", result.Stdout);
        Assert.Contains("50", result.Stdout);
    }

    [Fact]
    public async Task Start_attach_prints_the_output_of_a_created_container()
    {
        var name = NewName("starta");
        await DockerCli.SucceedAsync(Host, "create", "--name", name, PlatformFixture.Busybox, "sh", "-c", "echo attached output; exit 4");

        var start = await DockerCli.RunAsync(Host, "start", "-a", name);

        Assert.Equal("attached output\n", start.Stdout);
        Assert.Equal(4, start.ExitCode);
        await DockerCli.SucceedAsync(Host, "rm", name);
    }

    [Fact]
    public async Task Ps_filters_by_status_label_ancestor_and_shows_sizes()
    {
        var name = NewName("filters");
        await DockerCli.SucceedAsync(Host, "run", "--name", name, "--label", "team=blue", PlatformFixture.Busybox, "sh", "-c", "echo data > /tmp/file");

        var byLabel = await DockerCli.SucceedAsync(Host, "ps", "-a", "--filter", "label=team=blue", "--filter", "status=exited",
            "--filter", $"ancestor={PlatformFixture.Busybox}", "--format", "{{.Names}}");
        var size = await DockerCli.SucceedAsync(Host, "ps", "-a", "-s", "--filter", $"name={name}", "--format", "{{.Size}}");
        var running = await DockerCli.SucceedAsync(Host, "ps", "--filter", $"name={name}", "--format", "{{.Names}}");

        Assert.Contains(name, byLabel.Stdout);
        Assert.Matches(@"^\d+(\.\d+)?k?B \(virtual \d+(\.\d+)?[kM]B\)$", size.Stdout.Trim());
        Assert.Equal("", running.Stdout.Trim());
        await DockerCli.SucceedAsync(Host, "rm", name);
    }
}
