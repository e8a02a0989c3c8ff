using System.Reflection;
using System.Text.Json;
using MassTransit;
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

    public static Task<RawRabbit> ConnectAsync(Infrastructure infrastructure) => ConnectAsync(infrastructure.RabbitMqUri);

    public static async Task<RawRabbit> ConnectAsync(string uri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
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

    /// <summary>As the runtime publishes a contract: to the exchange named by [EntityName], typed by [MessageUrn], confirmed.</summary>
    public async Task PublishContractAsync<T>(T message, Guid? messageId = null) where T : notnull
    {
        var exchange = typeof(T).GetCustomAttribute<EntityNameAttribute>()!.EntityName;
        await Channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await PublishAsync(exchange, typeof(T).GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString(), messageId ?? Guid.NewGuid(), message);
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
