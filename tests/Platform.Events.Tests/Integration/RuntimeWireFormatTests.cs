using System.Reflection;
using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Testing;
using RabbitMQ.Client;
using Xunit;

namespace Platform.Events.Tests.Integration;

/// <summary>
/// The runtime publishes without MassTransit. These tests publish exactly as it will — RabbitMQ.Client, the fanout
/// exchange named by [EntityName], MassTransit's JSON envelope — and expect the events service to record it.
/// </summary>
[Collection(EventsServiceCollection.Name)]
public sealed class RuntimeWireFormatTests(EventsServiceFixture fixture)
{
    const string MessageType = "urn:message:runtime.host-started";
    static readonly string Exchange = typeof(HostStarted).GetCustomAttribute<EntityNameAttribute>()!.EntityName;

    [Theory]
    [InlineData(typeof(HostStarted), "runtime.host-started")]
    [InlineData(typeof(HostHeartbeat), "runtime.host-heartbeat")]
    [InlineData(typeof(Platform.Contracts.Networking.NetworkCreated), "networking.network-created")]
    [InlineData(typeof(Platform.Contracts.Networking.NetworkRemoved), "networking.network-removed")]
    [InlineData(typeof(Platform.Contracts.Networking.NetworkConnected), "networking.network-connected")]
    [InlineData(typeof(Platform.Contracts.Networking.NetworkDisconnected), "networking.network-disconnected")]
    public async Task MassTransit_names_each_contract_s_exchange_after_its_EntityName(Type contract, string exchange)
    {
        Assert.Equal(exchange, contract.GetCustomAttribute<EntityNameAttribute>()!.EntityName);
        Assert.Equal("urn:message:" + exchange, contract.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString());
        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);

        await rabbit.Channel.ExchangeDeclarePassiveAsync(exchange); // 404 closes the channel if MassTransit named it otherwise
        // Redeclaring with the runtime's arguments is a no-op only if they equal MassTransit's (else 406 PRECONDITION_FAILED).
        await rabbit.Channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await rabbit.Channel.QueueDeclarePassiveAsync("events-state-log");
        Assert.True(queue.ConsumerCount >= 1, "the events service is not consuming events-state-log");
    }

    [Fact]
    public async Task A_raw_HostStarted_in_MassTransit_s_envelope_is_recorded_once_as_host_start()
    {
        var hostId = Services.UniqueHostId("raw");
        var messageId = Guid.NewGuid();
        var startedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
        var message = new HostStarted(hostId, "node-7", "0.1.0", "6.1.0-28-amd64", 2, 24L << 30, 42, startedAt);

        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);
        await rabbit.Channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await rabbit.PublishAsync(Exchange, MessageType, messageId, message);
        await rabbit.PublishAsync(Exchange, MessageType, messageId, message); // a journal re-ship after a crash
        await rabbit.PublishAsync(Exchange, MessageType, Guid.NewGuid(), message with { Hostname = "barrier" });

        var page = await Eventually.PollAsync(
            () => fixture.Events.Http.ListAsync($"type=host&action=start&host={hostId}"),
            p => p.Events.Any(e => e.Attributes["name"] == "barrier") && p.Events.Any(e => e.Id == messageId),
            TimeSpan.FromSeconds(30));

        Assert.Equal(2, page.Events.Count);
        var recorded = Assert.Single(page.Events, e => e.Id == messageId);
        Assert.Equal((messageId, "host", "start", hostId, "runtime", hostId), (recorded.Id, recorded.Type, recorded.Action, recorded.Host, recorded.Service, recorded.ActorId));
        Assert.Equal(startedAt, recorded.Time);
        Assert.Equal("node-7", recorded.Attributes["name"]);
        Assert.Equal("0.1.0", recorded.Attributes["engineVersion"]);
        Assert.Equal((24L << 30).ToString(), recorded.Attributes["memoryBytes"]);
    }
}
