using System.Text;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Tests.Integration.Engine;

/// <summary>Live stdio through conmon: attach before start, stdin to the process, TTYs, exec sessions.</summary>
public sealed class AttachAndExecTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    ContainerEngine Engine => fixture.Engine;
    static CancellationToken Soon => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [Fact]
    public async Task Attach_before_start_gets_stdout_and_stderr_apart()
    {
        var id = fixture.NewId();
        await fixture.CreateAsync(EngineFixture.Launch(id, "sh", "-c", "echo out; echo err >&2"));
        await using var attach = await Engine.AttachAsync(id, stdin: false, Soon);
        await Engine.StartAsync(id, Soon);

        var streams = await ReadAllAsync(attach.ReadAsync);
        Assert.Equal("out\n", streams[AttachStream.Stdout]);
        Assert.Equal("err\n", streams[AttachStream.Stderr]);
        Assert.True(attach.Completion.IsCompleted);
    }

    [Fact]
    public async Task Stdin_reaches_the_process_and_closing_it_ends_a_stdin_once_container()
    {
        var id = fixture.NewId();
        await fixture.CreateAsync(EngineFixture.Launch(id, "cat") with { OpenStdin = true, StdinOnce = true });
        await using var attach = await Engine.AttachAsync(id, stdin: true, Soon);
        await Engine.StartAsync(id, Soon);

        await attach.WriteStdinAsync("hello cat\n"u8.ToArray(), Soon);
        await attach.CloseStdinAsync();
        var streams = await ReadAllAsync(attach.ReadAsync);
        Assert.Equal("hello cat\n", streams[AttachStream.Stdout]);
        Assert.Equal(0, (await Engine.WaitForExitAsync(id, Soon)).ExitCode);
    }

    [Fact]
    public async Task A_tty_container_has_one_stream_with_terminal_line_endings_and_resizes()
    {
        var id = fixture.NewId();
        await fixture.CreateAsync(EngineFixture.Launch(id, "sh", "-c", "sleep 0.3; stty size; echo err >&2")
            with { Tty = true, ConsoleHeight = 30, ConsoleWidth = 100 });
        await using var attach = await Engine.AttachAsync(id, stdin: false, Soon);
        await Engine.StartAsync(id, Soon);
        await Engine.ResizeAsync(id, 40, 120);

        var streams = await ReadAllAsync(attach.ReadAsync);
        Assert.Equal("40 120\r\nerr\r\n", streams[AttachStream.Stdout]);
        Assert.Equal("", streams[AttachStream.Stderr]);
    }

    [Fact]
    public async Task Exec_runs_in_the_container_with_its_env_and_reports_the_exit_code()
    {
        var id = await RunningContainerAsync();
        await using var exec = await Engine.ExecAsync(id, new ExecLaunch(["sh", "-c", "echo $HOSTNAME $EXTRA; echo oops >&2; exit 5"],
            ["EXTRA=yes"], "", "", false, false, false, 0, 0), Soon);

        var streams = await ReadAllAsync(exec.ReadAsync);
        Assert.Equal("box yes\n", streams[AttachStream.Stdout]);
        Assert.Equal("oops\n", streams[AttachStream.Stderr]);
        Assert.Equal(5, await exec.ExitCode.WaitAsync(Soon));
        Assert.True(exec.Pid > 0);
    }

    [Fact]
    public async Task Exec_with_a_tty_and_stdin_talks_to_a_shell_as_another_user()
    {
        var id = await RunningContainerAsync();
        await using var exec = await Engine.ExecAsync(id, new ExecLaunch(["sh"], [], "/tmp", "1000", true, true, false, 24, 80), Soon);
        await exec.ResizeAsync(50, 132);
        await exec.WriteStdinAsync("id -u; pwd; stty size; exit 4\n"u8.ToArray(), Soon);

        var streams = await ReadAllAsync(exec.ReadAsync);
        Assert.Contains("1000\r\n/tmp\r\n50 132\r\n", streams[AttachStream.Stdout]);
        Assert.Equal(4, await exec.ExitCode.WaitAsync(Soon));
    }

    [Fact]
    public async Task Pause_freezes_the_container_and_resume_thaws_it_and_stats_read_its_cgroups()
    {
        var id = await RunningContainerAsync();
        await Engine.PauseAsync(id, Soon);
        Assert.Equal(ContainerRunState.Paused, Engine.Inspect(id)!.Status);
        Assert.Equal("FROZEN", File.ReadAllText($"/sys/fs/cgroup/freezer/platform-test/{id}/freezer.state").Trim());
        await Engine.ResumeAsync(id, Soon);
        Assert.Equal(ContainerRunState.Running, Engine.Inspect(id)!.Status);

        var stats = Engine.ReadStats(id);
        Assert.True(stats.Memory.Usage > 0);
        Assert.Equal(64UL * 1024 * 1024, stats.Memory.Limit);
        Assert.True(stats.Memory.Stats.ContainsKey("total_inactive_file"));
        Assert.True(stats.Cpu.TotalUsage > 0);
        Assert.True(stats.Cpu.SystemCpuUsage > stats.Cpu.TotalUsage);
        Assert.Equal(1UL, stats.Pids.Current);
        Assert.Equal(Engine.ListPids(id), [Engine.Inspect(id)!.Pid]);
    }

    [Fact]
    public async Task The_containers_process_and_an_execs_are_in_its_cgroup_in_every_hierarchy_the_hosts_v2_one_included()
    {
        var id = await RunningContainerAsync();
        await using var exec = await Engine.ExecAsync(id, new ExecLaunch(["sleep", "30"], [], "", "", false, false, false, 0, 0), Soon);
        var init = Assert.Single(Engine.ListPids(id), p => p != exec.Pid);

        foreach (var pid in new[] { init, exec.Pid })
        {
            var lines = File.ReadAllLines($"/proc/{pid}/cgroup");
            Assert.All(lines, line => Assert.EndsWith($":/platform-test/{id}", line));
            Assert.Equal(Directory.Exists("/sys/fs/cgroup/unified"), lines.Any(l => l.StartsWith("0::", StringComparison.Ordinal)));
            Assert.Contains(lines, l => l.Contains(":memory:", StringComparison.Ordinal));
        }
        Assert.Equal("67108864", File.ReadAllText($"/sys/fs/cgroup/memory/platform-test/{id}/memory.limit_in_bytes").Trim());
    }

    async Task<string> RunningContainerAsync()
    {
        var id = fixture.NewId();
        await fixture.CreateAsync(EngineFixture.Launch(id, "sleep", "1000") with { Resources = ResourceLimits.None with { Memory = 64 * 1024 * 1024 } });
        await Engine.StartAsync(id, Soon);
        return id;
    }

    static Task<Dictionary<AttachStream, string>> ReadAllAsync(Func<Memory<byte>, CancellationToken, ValueTask<(AttachStream, int)>> read) =>
        EngineFixture.ReadAllAsync(read, Soon);
}
