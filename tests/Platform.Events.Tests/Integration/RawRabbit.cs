using System.Text.Json;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.Events.Tests.Integration;

/// <summary>RabbitMQ.Client only, as the AOT runtime publishes: the envelope fields a MassTransit consumer needs.</summary>
public sealed class RawRabbit : IAsyncDisposable
{
    public const string EnvelopeContentType = "application/vnd.masstransit+json";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly IConnection _connection;

    RawRabbit(IConnection connection, IChannel channel) => (_connection, Channel) = (connection, channel);

    /// <summary>A channel with publisher confirms, tracked: each publish waits for the broker's ack.</summary>
    public IChannel Channel { get; }

    public static async Task<RawRabbit> ConnectAsync(Infrastructure infrastructure)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMqUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RawRabbit(connection, channel);
    }

    /// <summary>
    /// Publishes and waits for the confirm: throws if the broker nacks, or returns the message because no queue is
    /// bound to the exchange (mandatory). Minimal envelope: messageId (a GUID), messageType URNs, message, sentTime.
    /// </summary>
    public async Task PublishAsync(string exchange, string messageType, Guid messageId, object message)
    {
        var envelope = new Dictionary<string, object?>
        {
            ["messageId"] = messageId.ToString(),
            ["messageType"] = new[] { messageType },
            ["message"] = message,
            ["sentTime"] = DateTimeOffset.UtcNow,
        };
        var properties = new BasicProperties
        {
            ContentType = EnvelopeContentType,
            MessageId = messageId.ToString(),
            DeliveryMode = DeliveryModes.Persistent,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, Json);
        await Channel.BasicPublishAsync(exchange, routingKey: "", mandatory: true, properties, body);
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
