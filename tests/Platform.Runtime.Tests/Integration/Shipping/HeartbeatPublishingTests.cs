using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Runtime.Shipping.Heartbeats;
using Platform.ServiceDefaults;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.Runtime.Tests.Integration.Shipping;

/// <summary>Heartbeats reach the real RabbitMQ on runtime.host-heartbeat, in the envelope MassTransit consumers read.</summary>
public sealed class HeartbeatPublishingTests : IAsyncLifetime
{
    Dictionary<string, string?> _environment = null!;

    public async Task InitializeAsync() =>
        _environment = await (await Infrastructure.GetAsync()).IsolatedEnvironmentAsync("runtime-heartbeats");

    [Fact]
    public async Task Each_heartbeat_is_published_once_with_its_host_and_its_own_message_id()
    {
        var factory = new ConnectionFactory { Uri = new Uri(_environment[Infrastructure.RabbitMqVariable]!) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.ExchangeDeclareAsync("runtime.host-heartbeat", ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueBindAsync(queue, "runtime.host-heartbeat", "");
        await using var sender = new HeartbeatSender(Options.Create(new PlatformHostOptions { HostId = "beating-host" }), TimeProvider.System,
            NullLogger<HeartbeatSender>.Instance);

        Assert.True(await sender.TrySendAsync(factory, CancellationToken.None));
        Assert.True(await sender.TrySendAsync(factory, CancellationToken.None));

        var received = new List<(string? Id, JsonElement Envelope)>();
        await Eventually.PollAsync(async () =>
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
                received.Add((message.BasicProperties.MessageId, JsonDocument.Parse(message.Body).RootElement.Clone()));
            return received.Count;
        }, count => count >= 2, TimeSpan.FromSeconds(10));

        Assert.Equal(2, received.Count);
        Assert.All(received, r =>
        {
            Assert.Equal("urn:message:runtime.host-heartbeat", r.Envelope.GetProperty("messageType")[0].GetString());
            Assert.Equal("beating-host", r.Envelope.GetProperty("message").GetProperty("hostId").GetString());
            Assert.Equal(r.Id, r.Envelope.GetProperty("messageId").GetString());
        });
        Assert.NotEqual(received[0].Id, received[1].Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
