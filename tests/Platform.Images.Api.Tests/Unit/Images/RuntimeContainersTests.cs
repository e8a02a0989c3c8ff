using System.Text.Json;
using Platform.Images.Images.Removing;

namespace Platform.Images.Api.Tests.Unit.Images;

/// <summary>Reading the runtime's GET /containers/json?all=1 (Docker's container summaries) into image usage.</summary>
public sealed class RuntimeContainersTests
{
    const string Summaries = """
        [{"Id":"aaaa1111","Names":["/web"],"Image":"nginx","ImageID":"sha256:1111","Command":"nginx","Created":1,"Ports":[],"State":"running","Status":"Up 1 second","HostConfig":{"NetworkMode":"bridge"}},
         {"Id":"bbbb2222","Names":["/old"],"Image":"nginx","ImageID":"sha256:1111","State":"exited","Status":"Exited (0)"},
         {"Id":"cccc3333","Names":["/p"],"Image":"busybox","ImageID":"sha256:2222","State":"paused","Status":"Up (Paused)"},
         {"Id":"dddd4444","Names":["/new"],"Image":"busybox","ImageID":"sha256:2222","State":"created","Status":"Created"}]
        """;

    [Fact]
    public void Containers_are_grouped_by_image_and_paused_ones_count_as_running()
    {
        var containers = JsonSerializer.Deserialize(Summaries, RuntimeContainersJson.Default.ListRuntimeContainer)!;

        var usage = RuntimeContainers.ByImage(containers);

        Assert.Equal([new ContainerUse("aaaa1111", true), new ContainerUse("bbbb2222", false)], usage.Of("sha256:1111"));
        Assert.Equal([new ContainerUse("cccc3333", true), new ContainerUse("dddd4444", false)], usage.Of("sha256:2222"));
        Assert.Empty(usage.Of("sha256:3333"));
    }
}
