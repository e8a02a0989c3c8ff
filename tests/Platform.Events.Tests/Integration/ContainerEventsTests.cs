using Platform.Contracts.Runtime;
using Platform.Testing;
using Xunit;

namespace Platform.Events.Tests.Integration;

/// <summary>
/// A container's life as the runtime ships it (RabbitMQ.Client, MassTransit's envelope, one exchange per contract)
/// reaches GET /api/v1/events as Docker's container events: type, action, actor and Actor.Attributes.
/// </summary>
[Collection(EventsServiceCollection.Name)]
public sealed class ContainerEventsTests(EventsServiceFixture fixture)
{
    static readonly DateTimeOffset T0 = new(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero);
    static readonly Dictionary<string, string> Labels = new() { ["com.example.Team"] = "core", ["tier"] = "front" };

    [Fact]
    public async Task Each_container_contract_is_recorded_once_as_Docker_s_event_with_name_image_labels_and_its_own_attributes()
    {
        var hostId = Services.UniqueHostId("ctr");
        var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        const string image = "nginx:1.27";
        var imageId = "sha256:" + new string('a', 64);
        var created = new ContainerCreated(id, hostId, "web", image, imageId, Labels, 11, T0);
        var createdId = Guid.NewGuid();

        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);
        await rabbit.PublishContractAsync(created, createdId);
        await rabbit.PublishContractAsync(new ContainerStarted(id, hostId, "web", image, imageId, Labels, 12, T0.AddSeconds(1)));
        await rabbit.PublishContractAsync(new ContainerPaused(id, hostId, "web", image, imageId, Labels, 13, T0.AddSeconds(2)));
        await rabbit.PublishContractAsync(new ContainerUnpaused(id, hostId, "web", image, imageId, Labels, 14, T0.AddSeconds(3)));
        await rabbit.PublishContractAsync(new ContainerKilled(id, hostId, "web", image, imageId, Labels, 15, 15, T0.AddSeconds(4)));
        await rabbit.PublishContractAsync(new ContainerExited(id, hostId, "web", image, imageId, Labels, 143, false, 16, T0.AddSeconds(5)));
        await rabbit.PublishContractAsync(new ContainerStopped(id, hostId, "web", image, imageId, Labels, 17, T0.AddSeconds(6)));
        await rabbit.PublishContractAsync(new ContainerRenamed(id, hostId, "web-2", image, imageId, Labels, "web", 18, T0.AddSeconds(7)));
        await rabbit.PublishContractAsync(created, createdId); // the runtime re-shipping an entry after a crash
        await rabbit.PublishContractAsync(new ContainerDestroyed(id, hostId, "web-2", image, imageId, Labels, 19, T0.AddSeconds(8)));

        var page = await Eventually.PollAsync(
            () => fixture.Events.Http.ListAsync($"type=container&host={hostId}"),
            p => p.Events.Any(e => e.Action == "destroy"), TimeSpan.FromSeconds(30));

        var events = page.Events;
        Assert.Equal(["create", "start", "pause", "unpause", "kill", "die", "stop", "rename", "destroy"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(("container", id, hostId, "runtime"), (e.Type, e.ActorId, e.Host, e.Service)));
        Assert.Equal(Enumerable.Range(0, 9).Select(s => T0.AddSeconds(s)), events.Select(e => e.Time));
        Assert.Equal(createdId, events[0].Id);
        Assert.Equal(Attributes(("name", "web")), events[0].Attributes);
        Assert.Equal(Attributes(("name", "web"), ("signal", "15")), events[4].Attributes);
        Assert.Equal(Attributes(("name", "web"), ("exitCode", "143")), events[5].Attributes);
        Assert.Equal(Attributes(("name", "web-2"), ("oldName", "/web")), events[7].Attributes);
        Assert.Equal(Attributes(("name", "web-2")), events[8].Attributes);
    }

    static Dictionary<string, string> Attributes(params (string Key, string Value)[] own)
    {
        var attributes = new Dictionary<string, string>(Labels) { ["image"] = "nginx:1.27" };
        foreach (var (key, value) in own) attributes[key] = value;
        return attributes;
    }
}
