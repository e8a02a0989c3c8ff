using System.Diagnostics;
using Platform.Runtime.Engine;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Runtime.Tests.Integration.Engine;

public sealed class ContainerLifecycleTests(EngineFixture fixture, ITestOutputHelper output) : IClassFixture<EngineFixture>
{
    ContainerEngine Engine => fixture.Engine;

    public static TheoryData<string> Drivers => ["vfs", "overlay"];

    static RootfsPlan Plan(string driver) => driver == "vfs" ? EngineFixture.Vfs : EngineFixture.Overlay;

    [Theory, MemberData(nameof(Drivers))]
    public async Task Echo_hi_is_logged_and_exits_zero(string driver)
    {
        var id = fixture.NewId();
        var clock = Stopwatch.StartNew();
        var (exit, log) = await fixture.RunAsync(EngineFixture.Launch(id, "echo", "hi"), Plan(driver));
        output.WriteLine($"{driver}: mount + create + start + exit took {clock.ElapsedMilliseconds} ms");

        Assert.Equal(0, exit.ExitCode);
        Assert.False(exit.OomKilled);
        Assert.Equal("hi\n", log);
    }

    [Fact]
    public async Task The_exit_code_of_the_process_is_the_containers()
    {
        var (exit, _) = await fixture.RunAsync(EngineFixture.Launch(fixture.NewId(), "sh", "-c", "exit 3"));
        Assert.Equal(3, exit.ExitCode);
    }

    [Fact]
    public async Task Create_then_start_reports_created_then_running_with_the_pid_create_returned()
    {
        var id = fixture.NewId();
        var pid = await fixture.CreateAsync(EngineFixture.Launch(id, "sleep", "100"));
        Assert.Equal(new ContainerProcessState(ContainerRunState.Created, pid), Engine.Inspect(id));

        await Engine.StartAsync(id, CancellationToken.None);
        Assert.Equal(new ContainerProcessState(ContainerRunState.Running, pid), Engine.Inspect(id));
        Assert.Contains(pid, Engine.ListPids(id));
        await Engine.KillAsync(id, 9, CancellationToken.None);
    }

    [Fact]
    public async Task Sigkill_reports_137()
    {
        var id = fixture.NewId();
        await fixture.CreateAsync(EngineFixture.Launch(id, "sleep", "100"));
        await Engine.StartAsync(id, CancellationToken.None);
        await Engine.KillAsync(id, 9, CancellationToken.None);
        var exit = await Engine.WaitForExitAsync(id, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        Assert.Equal(137, exit.ExitCode);
        Assert.Equal(ContainerRunState.Stopped, Engine.Inspect(id)!.Status);
    }

    [Fact]
    public async Task Sigterm_through_init_reports_143()
    {
        // PID 1 ignores SIGTERM without a handler; docker-init forwards it to sleep and exits 128+15.
        var id = fixture.NewId();
        var pid = await fixture.CreateAsync(EngineFixture.Launch(id, "sleep", "100") with { Init = true });
        await Engine.StartAsync(id, CancellationToken.None);
        // Until docker-init has installed its handler, a SIGTERM from outside its pid namespace is discarded (as
        // with Docker): send it once the init catches it.
        await Eventually.PollAsync(() => Task.FromResult(CatchesSignal(pid, 15)), caught => caught, TimeSpan.FromSeconds(10));
        await Engine.KillAsync(id, 15, CancellationToken.None);
        var exit = await Engine.WaitForExitAsync(id, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        Assert.Equal(143, exit.ExitCode);
    }

    [Fact]
    public async Task Exits_stream_reports_the_exit()
    {
        var id = fixture.NewId();
        var seen = Task.Run(async () =>
        {
            await foreach (var exit in Engine.Exits) if (exit.Id == id) return exit;
            return null;
        });
        await fixture.RunAsync(EngineFixture.Launch(id, "sh", "-c", "exit 7"));
        var reported = await seen.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(7, reported!.ExitCode);
    }

    [Fact]
    public async Task An_unknown_executable_fails_create_with_a_docker_style_error_and_leaves_nothing_running()
    {
        var id = fixture.NewId();
        var error = await Assert.ThrowsAsync<EngineException>(() => fixture.CreateAsync(EngineFixture.Launch(id, "no-such-binary")));
        Assert.Contains("no-such-binary", error.Message);
        Assert.Equal(400, error.StatusCode);
        Assert.Null(Engine.Inspect(id));
        Assert.Empty(ConmonProcessesOf(id));
    }

    [Theory, MemberData(nameof(Drivers))]
    public async Task Delete_and_remove_leave_no_mount_cgroup_conmon_or_runc_state(string driver)
    {
        var id = fixture.NewId();
        await fixture.CreateAsync(EngineFixture.Launch(id, "sleep", "100"), Plan(driver));
        await Engine.StartAsync(id, CancellationToken.None);
        var cgroup = $"/sys/fs/cgroup/memory/platform-test/{id}";
        Assert.True(Directory.Exists(cgroup));
        Assert.NotEmpty(ConmonProcessesOf(id));

        await Engine.DeleteAsync(id, CancellationToken.None);
        await Engine.RemoveFilesAsync(id);
        await Engine.DeleteAsync(id, CancellationToken.None); // idempotent
        await Engine.RemoveFilesAsync(id);

        Assert.Null(Engine.Inspect(id));
        Assert.Empty(ConmonProcessesOf(id));
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), l => l.Contains(id));
        Assert.DoesNotContain(Directory.GetDirectories("/sys/fs/cgroup"), c => Directory.Exists(Path.Combine(c, "platform-test", id)));
        Assert.False(Directory.Exists(Path.Combine(Engine.Settings.RuncRoot, id)));
        Assert.False(File.Exists(Engine.Settings.ExitFile(id)));
        Assert.False(Directory.Exists(Engine.ContainerDir(id)));
        for (var waited = 0; waited < 100 && Directory.EnumerateDirectories(Engine.Settings.TrashDir, id + "*").Any(); waited++) await Task.Delay(50);
        Assert.Empty(Directory.EnumerateDirectories(Engine.Settings.TrashDir, id + "*")); // deleted in the background
    }

    static List<int> ConmonProcessesOf(string id) => Directory.GetDirectories("/proc")
        .Select(Path.GetFileName).Where(n => int.TryParse(n, out _)).Select(int.Parse!)
        .Where(pid =>
        {
            try
            {
                var cmd = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
                return cmd[0].EndsWith("conmon") && cmd.Contains(id);
            }
            catch (IOException) { return false; }
        }).ToList();

    /// <summary>Whether the process has a handler for the signal (its SigCgt mask in /proc).</summary>
    static bool CatchesSignal(int pid, int signal)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigCgt:", StringComparison.Ordinal));
        return (Convert.ToUInt64(line[7..].Trim(), 16) & (1UL << (signal - 1))) != 0;
    }
}
