using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Runtime.Shipping;
using Platform.Runtime.Shipping.Heartbeats;
using Platform.ServiceDefaults;
using RabbitMQ.Client;
using Wire = Platform.Contracts.Runtime;

namespace Platform.Runtime.Tests.Unit.Shipping;

/// <summary>The heartbeat as it leaves the runtime: runtime.host-heartbeat in MassTransit's envelope, never a journal entry.</summary>
public sealed class HeartbeatTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [Fact]
    public void A_heartbeat_is_runtime_host_heartbeat_with_the_host_and_its_clock_in_camelCase()
    {
        var message = HeartbeatMessage.For("host-7", T0);

        Assert.Equal(("runtime.host-heartbeat", "urn:message:runtime.host-heartbeat", 0L),
            (message.Exchange, message.MessageType, message.Sequence));
        using var json = JsonDocument.Parse(message.Message);
        Assert.Equal("host-7", json.RootElement.GetProperty("hostId").GetString());
        Assert.Equal(T0, json.RootElement.GetProperty("sentAt").GetDateTimeOffset());
        Assert.Equal(new Wire.HostHeartbeat("host-7", T0), JsonSerializer.Deserialize<Wire.HostHeartbeat>(message.Message, JsonSerializerOptions.Web));
    }

    [Fact]
    public void Every_heartbeat_has_its_own_message_id()
    {
        Assert.NotEqual(HeartbeatMessage.For("host-7", T0).MessageId, HeartbeatMessage.For("host-7", T0).MessageId);
    }

    [Fact]
    public void The_envelope_of_a_heartbeat_names_the_host_but_no_journal_sequence_while_a_journal_entry_s_does()
    {
        var heartbeat = Envelope(HeartbeatMessage.For("host-7", T0));
        var entry = Envelope(new OutgoingMessage("runtime.host-started", "urn:message:runtime.host-started", "{}"u8.ToArray(), 12, Guid.NewGuid()));

        Assert.Equal(["urn:message:runtime.host-heartbeat"], heartbeat.GetProperty("messageType").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("host-7", heartbeat.GetProperty("message").GetProperty("hostId").GetString());
        Assert.Equal("host-7", heartbeat.GetProperty("headers").GetProperty("Platform-Host").GetString());
        Assert.False(heartbeat.GetProperty("headers").TryGetProperty("Platform-Journal-Sequence", out _));
        Assert.Equal(12, entry.GetProperty("headers").GetProperty("Platform-Journal-Sequence").GetInt64());
    }

    [Fact]
    public async Task With_the_broker_unreachable_a_heartbeat_is_skipped_without_an_error()
    {
        await using var sender = new HeartbeatSender(Options.Create(new PlatformHostOptions { HostId = "host-7" }), TimeProvider.System,
            NullLogger<HeartbeatSender>.Instance);
        var factory = new ConnectionFactory { Uri = new Uri($"amqp://guest:guest@127.0.0.1:{ClosedPort()}/") };

        Assert.False(await sender.TrySendAsync(factory, CancellationToken.None));
        Assert.False(await sender.TrySendAsync(factory, CancellationToken.None)); // and again at the next beat
    }

    static JsonElement Envelope(OutgoingMessage message) =>
        JsonDocument.Parse(MassTransitEnvelope.Write(message, "broker", "host-7", T0)).RootElement.Clone();

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
