using Docker.DotNet;
using Docker.DotNet.Models;

namespace Platform.EndToEnd.Tests.Containers;

/// <summary>
/// Docker.DotNet 3.125 drives containers unmodified with its own models: unversioned paths, Newtonsoft JSON,
/// `Connection: close` everywhere and a 200 raw stream (no Upgrade) for attach and exec.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientTestsDockerDotNet(PlatformFixture platform) : IDisposable
{
    const string Suite = "org.platform.suite";
    readonly DockerClient _client = new DockerClientConfiguration(new Uri(platform.DockerHost("unix"))).CreateClient();

    Task<CreateContainerResponse> CreateAsync(string name, params string[] command) => _client.Containers.CreateContainerAsync(new CreateContainerParameters
    {
        Name = name, Image = PlatformFixture.Busybox, Cmd = command, AttachStdout = true, AttachStderr = true,
        Labels = new Dictionary<string, string> { [Suite] = "docker-dotnet" },
    });

    static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Create_attach_start_and_wait_deliver_the_output_and_the_exit_code()
    {
        var created = await CreateAsync(NewName("ddn-attach"), "sh", "-c", "echo out; echo err >&2; exit 5");
        using var stream = await _client.Containers.AttachContainerAsync(created.ID, tty: false,
            new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true });

        var started = await _client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(timeout.Token);
        var waited = await _client.Containers.WaitContainerAsync(created.ID, timeout.Token);
        using var logs = await _client.Containers.GetContainerLogsAsync(created.ID, tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, timeout.Token);
        var (loggedOut, loggedErr) = await logs.ReadOutputToEndAsync(timeout.Token);

        Assert.True(started);
        Assert.Equal(("out\n", "err\n"), (stdout, stderr));
        Assert.Equal(5, waited.StatusCode);
        Assert.Equal(("out\n", "err\n"), (loggedOut, loggedErr));
        await _client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters());
    }

    [Fact]
    public async Task A_start_sent_the_moment_the_attach_answers_loses_no_output()
    {
        // Docker.DotNet returns the attach stream on its head and the start follows at once: the attach must be
        // waiting for the start before that head goes out. Several at once widen the window.
        var runs = Enumerable.Range(0, 12).Select(async i =>
        {
            var created = await CreateAsync(NewName("ddn-race"), "echo", $"run {i}");
            using var stream = await _client.Containers.AttachContainerAsync(created.ID, tty: false,
                new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true });
            await _client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var output = await stream.ReadOutputToEndAsync(timeout.Token);
            await _client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true });
            return output.stdout;
        });

        var outputs = await Task.WhenAll(runs);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"run {i}\n"), outputs);
    }

    [Fact]
    public async Task Exec_inspect_list_stop_and_remove_read_as_docker_reports_them()
    {
        var name = NewName("ddn-exec");
        var created = await CreateAsync(name, "sleep", "300");
        await _client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());

        var exec = await _client.Exec.ExecCreateContainerAsync(created.ID, new ContainerExecCreateParameters
        {
            Cmd = ["sh", "-c", "echo in $(pwd); echo oops >&2; exit 4"], AttachStdout = true, AttachStderr = true, WorkingDir = "/tmp",
        });
        using var stream = await _client.Exec.StartAndAttachContainerExecAsync(exec.ID, tty: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = await stream.ReadOutputToEndAsync(timeout.Token);
        var execInspect = await _client.Exec.InspectContainerExecAsync(exec.ID);
        var inspect = await _client.Containers.InspectContainerAsync(created.ID);
        var listed = await _client.Containers.ListContainersAsync(new ContainersListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        });

        Assert.Equal(("in /tmp\n", "oops\n"), output);
        Assert.Equal(4, execInspect.ExitCode);
        Assert.False(execInspect.Running);
        Assert.Equal(("running", true, "/" + name, PlatformFixture.Busybox), (inspect.State.Status, inspect.State.Running, inspect.Name, inspect.Config.Image));
        Assert.Equal(["sleep", "300"], inspect.Config.Cmd);
        Assert.Equal("docker-dotnet", inspect.Config.Labels[Suite]);
        var summary = Assert.Single(listed);
        Assert.Equal((created.ID, "/" + name, "running"), (summary.ID, summary.Names.Single(), summary.State));

        var stopped = await _client.Containers.StopContainerAsync(created.ID, new ContainerStopParameters { WaitBeforeKillSeconds = 1 });
        var afterStop = await _client.Containers.InspectContainerAsync(created.ID);
        await _client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters());

        Assert.True(stopped);
        Assert.Equal(("exited", 137L), (afterStop.State.Status, afterStop.State.ExitCode));
        await Assert.ThrowsAsync<DockerContainerNotFoundException>(() => _client.Containers.InspectContainerAsync(created.ID));
    }

    [Fact]
    public async Task Remove_of_a_running_container_needs_force()
    {
        var created = await CreateAsync(NewName("ddn-rm"), "sleep", "300");
        await _client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());

        var refused = await Assert.ThrowsAsync<DockerApiException>(() => _client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters()));
        await _client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true });

        Assert.Equal(global::System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("container is running", refused.ResponseBody);
        await Assert.ThrowsAsync<DockerContainerNotFoundException>(() => _client.Containers.InspectContainerAsync(created.ID));
    }

    public void Dispose() => _client.Dispose();
}
