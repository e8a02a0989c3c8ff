using Platform.Testing;

namespace Platform.EndToEnd.Tests.Containers;

/// <summary>docker run as users type it, through the gateway, on busybox.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DockerRunTests(PlatformFixture platform)
{
    string Host => platform.DockerHost("unix");

    [Fact]
    public async Task Run_rm_prints_the_output_and_leaves_no_container()
    {
        var name = "rm-" + Guid.NewGuid().ToString("N")[..8];
        var result = await DockerCli.SucceedAsync(Host, "run", "--rm", "--name", name, PlatformFixture.Busybox, "echo", "hello from a container");

        Assert.Equal("hello from a container\n", result.Stdout);
        var ps = await DockerCli.SucceedAsync(Host, "ps", "-a", "--filter", $"name={name}", "--format", "{{.Names}}");
        Assert.Equal("", ps.Stdout.Trim());
    }

    [Theory]
    [InlineData("exit 3", 3)]
    [InlineData("true", 0)]
    [InlineData("--init kill -9 $$", 137)] // under an init the shell is not PID 1, so SIGKILL is not ignored
    [InlineData("--init kill -TERM $$", 143)]
    public async Task The_exit_status_of_run_is_the_container_s(string script, int expected)
    {
        string[] init = script.StartsWith("--init ", StringComparison.Ordinal) ? ["--init"] : [];
        var result = await DockerCli.RunAsync(Host, ["run", "--rm", .. init, PlatformFixture.Busybox, "sh", "-c", script.Replace("--init ", "")]);

        Assert.True(expected == result.ExitCode, result.ToString());
    }

    [Fact]
    public async Task Stdout_and_stderr_stay_apart()
    {
        var result = await DockerCli.SucceedAsync(Host, "run", "--rm", PlatformFixture.Busybox, "sh", "-c", "echo out; echo err >&2");

        Assert.Equal("out\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
    }

    [Fact]
    public async Task Env_workdir_user_and_hostname_reach_the_process()
    {
        var result = await DockerCli.SucceedAsync(Host, "run", "--rm", "-e", "GREETING=hi there", "-w", "/tmp", "-u", "1000:1000",
            "--hostname", "box", PlatformFixture.Busybox, "sh", "-c", "echo \"$GREETING|$(pwd)|$(id -u):$(id -g)|$(hostname)|$HOME\"");

        Assert.Equal("hi there|/tmp|1000:1000|box|/home\n", result.Stdout);
    }

    [Fact]
    public async Task A_memory_limit_shows_inside_the_container()
    {
        var result = await DockerCli.SucceedAsync(Host, "run", "--rm", "-m", "50m", PlatformFixture.Busybox,
            "cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes");

        Assert.Equal("52428800", result.Stdout.Trim());
    }

    [Fact]
    public async Task Init_runs_as_pid_1_and_reaps_for_the_command()
    {
        var result = await DockerCli.SucceedAsync(Host, "run", "--rm", "--init", PlatformFixture.Busybox, "sh", "-c", "cat /proc/1/cmdline | tr '\\0' ' '");

        Assert.StartsWith("/sbin/docker-init -- sh -c", result.Stdout);
    }

    [Fact]
    public async Task An_unknown_command_fails_like_docker_with_127()
    {
        var result = await DockerCli.RunAsync(Host, "run", "--rm", PlatformFixture.Busybox, "no-such-binary");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("no-such-binary", result.Stderr);
    }

    [Fact]
    public async Task A_missing_image_is_docker_s_no_such_image()
    {
        var result = await DockerCli.RunAsync(Host, "create", "--pull", "never", "nothing-here:1.0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No such image: nothing-here:1.0", result.Stderr);
    }

    [Fact]
    public async Task A_taken_name_is_a_conflict()
    {
        var name = "taken-" + Guid.NewGuid().ToString("N")[..8];
        await DockerCli.SucceedAsync(Host, "create", "--name", name, PlatformFixture.Busybox, "true");

        var second = await DockerCli.RunAsync(Host, "create", "--name", name, PlatformFixture.Busybox, "true");

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains($"The container name \"/{name}\" is already in use", second.Stderr);
        await DockerCli.SucceedAsync(Host, "rm", name);
    }

    [Fact]
    public async Task Bind_mounts_read_and_write_host_files_and_ro_refuses_writes()
    {
        var dir = Directory.CreateTempSubdirectory("bind-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "in.txt"), "from the host");

        var rw = await DockerCli.SucceedAsync(Host, "run", "--rm", "-v", $"{dir}:/data", PlatformFixture.Busybox,
            "sh", "-c", "cat /data/in.txt; echo written > /data/out.txt");
        var ro = await DockerCli.RunAsync(Host, "run", "--rm", "-v", $"{dir}:/data:ro", PlatformFixture.Busybox, "sh", "-c", "echo x > /data/nope");

        Assert.Equal("from the host", rw.Stdout);
        Assert.Equal("written\n", await File.ReadAllTextAsync(Path.Combine(dir, "out.txt")));
        Assert.NotEqual(0, ro.ExitCode);
        Assert.Contains("Read-only file system", ro.Stderr);
        Assert.False(File.Exists(Path.Combine(dir, "nope")));
    }
}
