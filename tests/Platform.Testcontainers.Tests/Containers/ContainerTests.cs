using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Platform.Testcontainers.Tests.Containers;

/// <summary>Testcontainers for .NET 4.16, unmodified, through a container's life: start, exec, logs, wait strategies, exit codes, dispose.</summary>
[Collection(TestcontainersCollection.Name)]
public sealed class ContainerTests(TestcontainersPlatform fixture)
{
    static ContainerBuilder Busybox(params string[] command) => new ContainerBuilder(PlatformFixture.Busybox).WithCommand(command);

    [Fact]
    public async Task Exec_in_a_started_container_returns_stdout_stderr_and_the_exit_code()
    {
        await using var container = Busybox("sleep", "300").Build();
        await container.StartAsync();

        var result = await container.ExecAsync(["sh", "-c", "echo out; echo err >&2; exit 3"]);
        var pwd = await container.ExecAsync(["pwd"]);

        Assert.Equal(TestcontainersStates.Running, container.State);
        Assert.Equal("out\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(new ExecResult("/\n", "", 0), pwd);
    }

    [Fact]
    public async Task Start_waits_until_the_message_is_logged_and_logs_keep_the_streams_apart()
    {
        await using var container = Busybox("sh", "-c", "echo to-stdout; echo to-stderr >&2; sleep 1; echo ready; sleep 300")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("ready"))
            .Build();
        await container.StartAsync();

        // "ready" comes a second after the start: had StartAsync not waited for it, it would not be logged yet.
        var (stdout, stderr) = await container.GetLogsAsync(timestampsEnabled: false);
        var (stamped, _) = await container.GetLogsAsync();

        Assert.Equal("to-stdout\nready\n", stdout);
        Assert.Equal("to-stderr\n", stderr);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z to-stdout\n", stamped);
    }

    [Fact]
    public async Task The_exit_code_of_a_container_that_exits_is_its_wait_result()
    {
        await using var container = Busybox("sh", "-c", "exit 3").Build();
        await container.StartAsync();

        var exitCode = await container.GetExitCodeAsync();
        // container.State is what StartAsync's last inspect saw (the shell may still have been running then): once the
        // wait has answered, the platform's inspect says exited with that code.
        using var http = fixture.Platform.CreateHttpClient();
        using var inspect = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/containers/{container.Id}/json"));
        var state = inspect.RootElement.GetProperty("State");

        Assert.Equal(3, exitCode);
        Assert.Equal("exited", state.GetProperty("Status").GetString());
        Assert.Equal(3, state.GetProperty("ExitCode").GetInt32());
    }

    [Fact]
    public async Task Dispose_removes_the_container()
    {
        var container = Busybox("sleep", "300").Build();
        await container.StartAsync();
        var id = container.Id;
        using var http = fixture.Platform.CreateHttpClient();
        var whileRunning = await http.GetAsync($"/containers/{id}/json");

        await container.DisposeAsync();
        var afterDispose = await http.GetAsync($"/containers/{id}/json");

        Assert.Equal(200, (int)whileRunning.StatusCode);
        Assert.Equal(404, (int)afterDispose.StatusCode);
        Assert.Equal($"{{\"message\":\"No such container: {id}\"}}", (await afterDispose.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task A_volume_outlives_the_container_that_wrote_to_it()
    {
        await using var volume = new VolumeBuilder().Build();
        await volume.CreateAsync();
        await using var writer = Busybox("sh", "-c", "echo kept > /data/file").WithVolumeMount(volume, "/data").Build();
        await writer.StartAsync();
        Assert.Equal(0, await writer.GetExitCodeAsync());
        await writer.DisposeAsync();

        await using var reader = Busybox("sleep", "300").WithVolumeMount(volume, "/data").Build();
        await reader.StartAsync();
        var read = await reader.ExecAsync(["cat", "/data/file"]);

        Assert.Equal(new ExecResult("kept\n", "", 0), read);
    }
}
