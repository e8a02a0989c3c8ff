using MassTransit;
using Platform.Contracts.Networking;
using Platform.Testing;
using Xunit;

namespace Platform.Events.Tests.Integration;

/// <summary>At-least-once publishing means duplicates: the state log must hold each message id once.</summary>
[Collection(EventsServiceCollection.Name)]
public sealed class DuplicateDeliveryTests(EventsServiceFixture fixture)
{
    [Fact]
    public async Task The_same_message_published_twice_is_recorded_once()
    {
        var hostId = Services.UniqueHostId("dup");
        var bus = await TestBus.StartAsync(fixture.Infrastructure);
        try
        {
            var messageId = Guid.NewGuid();
            var duplicated = Network(hostId, "twice");
            await bus.Publish(duplicated, c => c.MessageId = messageId);
            await bus.Publish(duplicated, c => c.MessageId = messageId);
            // The state log consumes one message at a time in queue order: once this one is in, both copies were handled
            // (also waiting for the copy keeps the test honest when another events process shares the queue).
            await bus.Publish(Network(hostId, "barrier"), c => c.MessageId = Guid.NewGuid());

            var page = await Eventually.PollAsync(
                () => fixture.Events.Http.ListAsync($"type=network&host={hostId}"),
                p => p.Events.Any(e => e.Attributes["name"] == "barrier") && p.Events.Any(e => e.Id == messageId),
                TimeSpan.FromSeconds(30));

            var recorded = Assert.Single(page.Events, e => e.ActorId == duplicated.NetworkId);
            Assert.Equal(messageId, recorded.Id);
            Assert.Equal(duplicated.CreatedAt, recorded.Time);
            Assert.Equal(2, page.Events.Count);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    static NetworkCreated Network(string hostId, string name) => new(
        Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
        hostId, name, "bridge", "local", "10.99.0.0/24", "10.99.0.1", Internal: false, Attachable: false,
        new Dictionary<string, string>(), DateTimeOffset.UtcNow);
}
