using Platform.Testing;

namespace Platform.EndToEnd.Tests.Containers;

/// <summary>Detached containers through their life: ps, logs, exec, stop, kill, restart, pause, rename, wait, rm.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ContainerLifecycleTests(PlatformFixture platform)
{
    string Host => platform.DockerHost("unix");

    async Task<string> RunDetachedAsync(string name, params string[] command)
    {
        var result = await DockerCli.SucceedAsync(Host, ["run", "-d", "--name", name, "--label", "suite=lifecycle", PlatformFixture.Busybox, .. command]);
        return result.Stdout.Trim();
    }

    static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_detached_container_shows_in_ps_logs_and_inspect_until_removed()
    {
        var name = NewName("detached");
        var id = await RunDetachedAsync(name, "sh", "-c", "echo started; echo oops >&2; sleep 300");

        Assert.Matches("^[0-9a-f]{64}$", id);
        var ps = await DockerCli.SucceedAsync(Host, "ps", "--filter", "label=suite=lifecycle", "--filter", $"name={name}",
            "--format", "{{.ID}}|{{.Names}}|{{.Image}}|{{.Command}}|{{.State}}");
        Assert.Equal($"{id[..12]}|{name}|{PlatformFixture.Busybox}|\"sh -c 'echo started…\"|running", ps.Stdout.Trim());
        var logs = await Eventually.PollAsync(() => DockerCli.RunAsync(Host, "logs", name), r => r.Stdout.Contains("started"), TimeSpan.FromSeconds(10));
        Assert.Equal("started\n", logs.Stdout);
        Assert.Equal("oops\n", logs.Stderr);
        var inspect = await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.State.Status}}|{{.State.Running}}|{{.Name}}|{{.Config.Image}}|{{.HostConfig.NetworkMode}}", name);
        Assert.Equal($"running|true|/{name}|{PlatformFixture.Busybox}|bridge", inspect.Stdout.Trim());

        await DockerCli.SucceedAsync(Host, "rm", "-f", name);
        var gone = await DockerCli.RunAsync(Host, "inspect", name);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains($"No such object: {name}", gone.Stderr);
    }

    [Fact]
    public async Task Exec_runs_in_the_container_and_reports_its_exit_code()
    {
        var name = NewName("exec");
        await RunDetachedAsync(name, "sleep", "300");

        var echo = await DockerCli.SucceedAsync(Host, "exec", "-e", "X=1", "-w", "/tmp", name, "sh", "-c", "echo $X $(pwd)");
        var failing = await DockerCli.RunAsync(Host, "exec", name, "sh", "-c", "exit 7");
        var missing = await DockerCli.RunAsync(Host, "exec", name, "no-such-binary");
        // The CLI sends a detached start on the connection that created the exec, not on one of its own.
        await DockerCli.SucceedAsync(Host, "exec", "-d", name, "sh", "-c", "echo detached > /tmp/d");
        var detached = await Eventually.PollAsync(() => DockerCli.RunAsync(Host, "exec", name, "cat", "/tmp/d"), r => r.Stdout == "detached\n", TimeSpan.FromSeconds(10));

        Assert.Equal("1 /tmp\n", echo.Stdout);
        Assert.Equal(7, failing.ExitCode);
        Assert.Equal(127, missing.ExitCode);
        Assert.Equal("detached\n", detached.Stdout);
        await DockerCli.SucceedAsync(Host, "rm", "-f", name);
    }

    [Fact]
    public async Task Stop_waits_for_the_timeout_then_kills_and_records_137()
    {
        var name = NewName("stop");
        await RunDetachedAsync(name, "sleep", "300"); // PID 1 ignores SIGTERM: the stop timeout ends in SIGKILL

        await DockerCli.SucceedAsync(Host, "stop", "-t", "1", name);
        var state = await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name);
        var ps = await DockerCli.SucceedAsync(Host, "ps", "-a", "--filter", $"name={name}", "--filter", "exited=137", "--format", "{{.Status}}");

        Assert.Equal("exited 137", state.Stdout.Trim());
        Assert.StartsWith("Exited (137)", ps.Stdout.Trim());
        await DockerCli.SucceedAsync(Host, "rm", name);
    }

    [Fact]
    public async Task Kill_with_a_signal_name_and_wait_returns_the_code()
    {
        var name = NewName("kill");
        await RunDetachedAsync(name, "sh", "-c", "trap 'exit 42' USR1; while true; do sleep 0.1; done");
        await Task.Delay(300);

        await DockerCli.SucceedAsync(Host, "kill", "-s", "USR1", name);
        var wait = await DockerCli.SucceedAsync(Host, "wait", name);

        Assert.Equal("42", wait.Stdout.Trim());
        var unknown = await DockerCli.RunAsync(Host, "kill", "-s", "NOPE", name);
        Assert.NotEqual(0, unknown.ExitCode);
        await DockerCli.SucceedAsync(Host, "rm", name);
    }

    [Fact]
    public async Task Pause_freezes_and_unpause_resumes()
    {
        var name = NewName("pause");
        await RunDetachedAsync(name, "sleep", "300");

        await DockerCli.SucceedAsync(Host, "pause", name);
        var paused = await DockerCli.SucceedAsync(Host, "ps", "--filter", $"name={name}", "--format", "{{.State}} {{.Status}}");
        var execWhilePaused = await DockerCli.RunAsync(Host, "exec", name, "true");
        await DockerCli.SucceedAsync(Host, "unpause", name);
        var running = await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.State.Status}}", name);

        Assert.StartsWith("paused Up", paused.Stdout.Trim());
        Assert.EndsWith("(Paused)", paused.Stdout.Trim());
        Assert.NotEqual(0, execWhilePaused.ExitCode);
        Assert.Equal("running", running.Stdout.Trim());
        await DockerCli.SucceedAsync(Host, "rm", "-f", name);
    }

    [Fact]
    public async Task Rename_and_restart_keep_the_container()
    {
        var name = NewName("rename");
        var id = await RunDetachedAsync(name, "sleep", "300");

        await DockerCli.SucceedAsync(Host, "rename", name, name + "-new");
        await DockerCli.SucceedAsync(Host, "restart", "-t", "0", name + "-new");
        var inspect = await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.Id}} {{.Name}} {{.State.Status}}", name + "-new");

        Assert.Equal($"{id} /{name}-new running", inspect.Stdout.Trim());
        var running = await DockerCli.RunAsync(Host, "rm", name + "-new");
        Assert.Contains("container is running", running.Stderr);
        await DockerCli.SucceedAsync(Host, "rm", "-f", name + "-new");
    }

    [Fact]
    public async Task Logs_honour_tail_timestamps_and_follow()
    {
        var name = NewName("logs");
        await RunDetachedAsync(name, "sh", "-c", "for i in 1 2 3 4 5; do echo line $i; done; sleep 1; echo last");

        var wait = await DockerCli.SucceedAsync(Host, "wait", name);
        var tail = await DockerCli.SucceedAsync(Host, "logs", "--tail", "2", name);
        var stamped = await DockerCli.SucceedAsync(Host, "logs", "-t", name);
        var followed = await DockerCli.SucceedAsync(Host, "logs", "-f", name);

        Assert.Equal("0", wait.Stdout.Trim());
        Assert.Equal("line 5\nlast\n", tail.Stdout);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 1$", stamped.Stdout.Split('\n')[0]);
        Assert.Equal("line 1\nline 2\nline 3\nline 4\nline 5\nlast\n", followed.Stdout);
        await DockerCli.SucceedAsync(Host, "rm", name);
    }

    [Fact]
    public async Task Restart_policy_on_failure_restarts_up_to_its_limit()
    {
        var name = NewName("restart");
        await DockerCli.SucceedAsync(Host, "run", "-d", "--name", name, "--restart", "on-failure:2", PlatformFixture.Busybox, "sh", "-c", "echo run; exit 1");

        var inspect = await Eventually.PollAsync(
            () => DockerCli.RunAsync(Host, "inspect", "--format", "{{.RestartCount}} {{.State.Status}}", name),
            r => r.Stdout.Trim() == "2 exited", TimeSpan.FromSeconds(20));
        var logs = await DockerCli.SucceedAsync(Host, "logs", name);

        Assert.Equal("2 exited", inspect.Stdout.Trim());
        Assert.Equal("run\nrun\nrun\n", logs.Stdout);
        await DockerCli.SucceedAsync(Host, "rm", name);
    }

    [Fact]
    public async Task Force_removal_wins_over_a_restart_policy_that_keeps_starting_the_container()
    {
        // Each of these exits at once and is started again by its policy, so rm -f meets them in every state:
        // starting, running, exiting (kill after the process ended), and waiting out the backoff.
        var names = Enumerable.Range(0, 8).Select(_ => NewName("flapping")).ToList();
        foreach (var name in names)
            await DockerCli.SucceedAsync(Host, "run", "-d", "--name", name, "--label", "suite=lifecycle", "--restart", "always",
                PlatformFixture.Busybox, "sh", "-c", "usleep 20000");
        await Eventually.PollAsync(
            () => DockerCli.RunAsync(Host, "inspect", "--format", "{{.RestartCount}}", names[^1]),
            r => int.TryParse(r.Stdout.Trim(), out var count) && count >= 2, TimeSpan.FromSeconds(20));

        var removed = await DockerCli.RunAsync(Host, ["rm", "-f", .. names]);

        Assert.True(removed.ExitCode == 0, removed.Stderr);
        var left = await DockerCli.SucceedAsync(Host, "ps", "-a", "-q", "--filter", "label=suite=lifecycle", "--filter", "name=flapping-");
        Assert.Equal("", left.Stdout.Trim());
    }
}
