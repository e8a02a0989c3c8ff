using System.Net.Http.Json;
using Platform.Contracts.Runtime;
using Platform.Testing;
using Xunit;
using static Platform.Events.Tests.Integration.Fleet.FleetApi;

namespace Platform.Events.Tests.Integration.Fleet;

/// <summary>
/// A container's life as the runtime ships it, seen through GET /api/v1/fleet/containers after each step: Docker's
/// state, exit code and times, listed like docker ps (up only unless all=true), gone once destroyed.
/// </summary>
[Collection(EventsServiceCollection.Name)]
public sealed class FleetContainersTests(EventsServiceFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);
    static readonly Dictionary<string, string> Labels = new() { ["com.example.Team"] = "core", ["tier"] = "front" };
    static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_lifecycle_step_shows_as_Docker_s_state_and_a_destroyed_container_is_no_longer_listed()
    {
        var host = Services.UniqueHostId("fctr");
        var id = NewId();
        const string image = "nginx:1.27";
        var imageId = "sha256:" + new string('b', 64);
        var http = fixture.Events.Http;
        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);

        await rabbit.PublishRawAsync(new ContainerCreated(id, host, "web", image, imageId, Labels, 1, T0));
        var created = await StepAsync(http, host, T0);
        Assert.Equal((id, host, "web", image, "created", (int?)null), (created.Id, created.Host, created.Name, created.Image, created.State, created.ExitCode));
        Assert.Equal(Labels, created.Labels);
        Assert.Equal((T0, (DateTimeOffset?)null, (DateTimeOffset?)null), (created.CreatedAt, created.StartedAt, created.FinishedAt));
        Assert.Empty(await http.ContainersAsync($"host={host}")); // docker ps: a created container is not up

        await rabbit.PublishRawAsync(new ContainerStarted(id, host, "web", image, imageId, Labels, 2, T0.AddSeconds(1)));
        var started = await StepAsync(http, host, T0.AddSeconds(1));
        Assert.Equal(("running", T0.AddSeconds(1)), (started.State, started.StartedAt));
        Assert.Equal(id, Assert.Single(await http.ContainersAsync($"host={host}")).Id);
        Assert.Equal(1, (await http.HostAsync(host))!.RunningContainers);

        await rabbit.PublishRawAsync(new ContainerPaused(id, host, "web", image, imageId, Labels, 3, T0.AddSeconds(2)));
        Assert.Equal("paused", (await StepAsync(http, host, T0.AddSeconds(2))).State);
        Assert.Equal("paused", Assert.Single(await http.ContainersAsync($"host={host}")).State); // docker ps lists paused ones
        Assert.Equal(0, (await http.HostAsync(host))!.RunningContainers);

        await rabbit.PublishRawAsync(new ContainerUnpaused(id, host, "web", image, imageId, Labels, 4, T0.AddSeconds(3)));
        Assert.Equal("running", (await StepAsync(http, host, T0.AddSeconds(3))).State);

        await rabbit.PublishRawAsync(new ContainerRenamed(id, host, "web-2", image, imageId, Labels, "web", 5, T0.AddSeconds(4)));
        var renamed = await StepAsync(http, host, T0.AddSeconds(4));
        Assert.Equal(("web-2", "running"), (renamed.Name, renamed.State));
        Assert.Equal(Labels, renamed.Labels);

        await rabbit.PublishRawAsync(new ContainerKilled(id, host, "web-2", image, imageId, Labels, 15, 6, T0.AddSeconds(5)));
        await rabbit.PublishRawAsync(new ContainerExited(id, host, "web-2", image, imageId, Labels, 143, false, 7, T0.AddSeconds(6)));
        var exited = await StepAsync(http, host, T0.AddSeconds(6));
        Assert.Equal(("exited", (int?)143, (DateTimeOffset?)T0.AddSeconds(6), (DateTimeOffset?)T0.AddSeconds(1)),
            (exited.State, exited.ExitCode, exited.FinishedAt, exited.StartedAt));
        Assert.Empty(await http.ContainersAsync($"host={host}"));
        Assert.Equal(id, Assert.Single(await http.ContainersAsync($"host={host}&state=exited")).Id);
        Assert.Empty(await http.ContainersAsync($"host={host}&state=running&all=true"));
        Assert.Equal(0, (await http.HostAsync(host))!.RunningContainers);

        await rabbit.PublishRawAsync(new ContainerStopped(id, host, "web-2", image, imageId, Labels, 8, T0.AddSeconds(7)));
        await rabbit.PublishRawAsync(new ContainerDestroyed(id, host, "web-2", image, imageId, Labels, 9, T0.AddSeconds(8)));
        var left = await Eventually.PollAsync(() => http.ContainersAsync($"host={host}&all=true"), l => l.Count == 0, Arrival);
        Assert.Empty(left);
        Assert.Empty(await http.ContainersAsync($"host={host}&state=exited"));
    }

    [Fact]
    public async Task Containers_are_filtered_by_host_and_an_unknown_state_is_a_400()
    {
        var (hostA, hostB) = (Services.UniqueHostId("fca"), Services.UniqueHostId("fcb"));
        var (a, b) = (NewId(), NewId());
        var http = fixture.Events.Http;
        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);
        await rabbit.PublishRawAsync(new ContainerCreated(a, hostA, "a", "busybox", "", Labels, 1, T0));
        await rabbit.PublishRawAsync(new ContainerStarted(a, hostA, "a", "busybox", "", Labels, 2, T0.AddSeconds(1)));
        await rabbit.PublishRawAsync(new ContainerCreated(b, hostB, "b", "busybox", "", Labels, 1, T0));
        await rabbit.PublishRawAsync(new ContainerStarted(b, hostB, "b", "busybox", "", Labels, 2, T0.AddSeconds(1)));

        var up = await Eventually.PollAsync(() => http.ContainersAsync(""), l => l.Count(c => c.Id == a || c.Id == b) == 2, Arrival);
        Assert.Equal(2, up.Count(c => c.Id == a || c.Id == b));
        Assert.Equal([a], (await http.ContainersAsync($"host={hostA}")).Select(c => c.Id));
        Assert.Equal([b], (await http.ContainersAsync($"host={hostB}&state=running")).Select(c => c.Id));

        using var response = await http.GetAsync("/api/v1/fleet/containers?state=sleeping");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sleeping", (await response.Content.ReadFromJsonAsync<Error>())!.Message);
    }

    /// <summary>Waits until the host's one container shows the change made at <paramref name="at"/>.</summary>
    static async Task<Container> StepAsync(HttpClient http, string host, DateTimeOffset at)
    {
        var list = await Eventually.PollAsync(() => http.ContainersAsync($"host={host}&all=true"),
            l => l.Count == 1 && l[0].LastChangeAt == at, Arrival);
        var container = Assert.Single(list);
        Assert.Equal(at, container.LastChangeAt);
        return container;
    }
}
