using Platform.Runtime.Containers.Model;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Tests.Unit.Containers;

/// <summary>Given journaled facts, the container's state is what docker inspect shows.</summary>
public sealed class ContainerStateTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    const string Id = "c0ffee0000000000000000000000000000000000000000000000000000000001";

    static Container Given(params ContainerEvent[] facts)
    {
        var created = new ContainerCreated(Id, "/web", "sha256:abc", new ContainerConfig { Image = "busybox", StopSignal = "SIGQUIT" },
            new HostConfig(), "sh", ["-c", "true"], new RootfsPlan("overlay", [], null), [], T0);
        return facts.Aggregate(Container.Create(created), (c, e) => c.Apply(e));
    }

    [Fact]
    public void A_new_container_is_created_and_never_started()
    {
        var c = Given();

        Assert.Equal((ContainerStatus.Created, false, 0), (c.Status, c.HasBeenStarted, c.ExitCount));
    }

    [Fact]
    public void Start_then_exit_records_pid_code_and_times()
    {
        var c = Given(new ContainerStarted(Id, 42, false, T0.AddSeconds(1)), new ContainerExited(Id, 3, false, T0.AddSeconds(5)));

        Assert.Equal((ContainerStatus.Exited, 0, 3, 1), (c.Status, c.Pid, c.ExitCode, c.ExitCount));
        Assert.Equal((T0.AddSeconds(1), T0.AddSeconds(5)), (c.StartedAt, c.FinishedAt));
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(15, true)]
    [InlineData(3, true)] // the container's own stop signal (SIGQUIT)
    [InlineData(1, false)] // a HUP only pokes the process
    public void Killing_with_a_stopping_signal_marks_it_stopped_by_the_user(int signal, bool stopped)
    {
        var c = Given(new ContainerStarted(Id, 42, false, T0), new ContainerKilled(Id, signal, T0.AddSeconds(1)));

        Assert.Equal(stopped, c.StoppedByUser);
    }

    [Fact]
    public void A_restart_counts_and_clears_the_user_stop()
    {
        var c = Given(new ContainerStarted(Id, 42, false, T0), new ContainerKilled(Id, 9, T0), new ContainerExited(Id, 137, false, T0),
            new ContainerStarted(Id, 43, true, T0.AddSeconds(2)));

        Assert.Equal((ContainerStatus.Running, 1, false, 43), (c.Status, c.RestartCount, c.StoppedByUser, c.Pid));
    }

    [Fact]
    public void Pause_unpause_and_rename()
    {
        var paused = Given(new ContainerStarted(Id, 42, false, T0), new ContainerPaused(Id, T0));
        var renamed = Given(new ContainerStarted(Id, 42, false, T0), new ContainerPaused(Id, T0), new ContainerUnpaused(Id, T0),
            new ContainerRenamed(Id, "/web", "/api", T0));

        Assert.Equal((ContainerStatus.Paused, true), (paused.Status, paused.IsRunning));
        Assert.Equal((ContainerStatus.Running, "/api"), (renamed.Status, renamed.Name));
    }

    [Fact]
    public void A_failed_first_start_stays_created_with_the_error()
    {
        var c = Given(new ContainerStartFailed(Id, 127, "exec: \"nope\": executable file not found in $PATH", T0));

        Assert.Equal((ContainerStatus.Created, 127), (c.Status, c.ExitCode));
        Assert.Contains("executable file not found", c.Error);
    }
}
