using System.Text;
using DotNet.Testcontainers.Builders;

namespace Platform.Testcontainers.Tests.Containers;

/// <summary>
/// Files into and out of a container the Testcontainers way: resource mappings copied before start and CopyAsync
/// (PUT /containers/{id}/archive), ReadFileAsync (GET archive with X-Docker-Container-Path-Stat).
/// </summary>
[Collection(TestcontainersCollection.Name)]
public sealed class FileTests
{
    [Fact]
    public async Task A_resource_mapping_is_in_place_when_the_container_starts()
    {
        await using var container = new ContainerBuilder(PlatformFixture.Busybox)
            .WithCommand("sleep", "300")
            .WithResourceMapping(Encoding.UTF8.GetBytes("hello from the test\n"), "/etc/greeting.txt")
            .Build();
        await container.StartAsync();

        var read = await container.ExecAsync(["cat", "/etc/greeting.txt"]);

        Assert.Equal("hello from the test\n", read.Stdout);
        Assert.Equal(0, read.ExitCode);
    }

    [Fact]
    public async Task CopyAsync_writes_into_a_running_container_and_ReadFileAsync_reads_it_back()
    {
        await using var container = new ContainerBuilder(PlatformFixture.Busybox).WithCommand("sleep", "300").Build();
        await container.StartAsync();
        var content = Encoding.UTF8.GetBytes("copied in\n");

        await container.CopyAsync(content, "/tmp/copied.txt");
        var seen = await container.ExecAsync(["cat", "/tmp/copied.txt"]);
        await container.ExecAsync(["sh", "-c", "echo made inside > /tmp/made.txt"]);
        var readBack = await container.ReadFileAsync("/tmp/made.txt");

        Assert.Equal("copied in\n", seen.Stdout);
        Assert.Equal("made inside\n", Encoding.UTF8.GetString(readBack));
    }
}
