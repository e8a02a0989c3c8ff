using RabbitMQ.Client;

namespace Platform.Runtime.Tests.Integration.Shipping;

/// <summary>
/// A private queue bound to the runtime's exchanges on the real RabbitMQ, declared as the events service declares them
/// (the shipper holds back everything while any exchange it publishes to has no queue).
/// </summary>
public sealed class BoundQueue : IAsyncDisposable
{
    readonly IConnection _connection;

    BoundQueue(IConnection connection, IChannel channel, string name) => (_connection, Channel, Name) = (connection, channel, name);

    public IChannel Channel { get; }
    public string Name { get; }

    public static async Task<BoundQueue> BindAsync(string brokerUri, IEnumerable<string> exchanges)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(brokerUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, "");
        }
        return new BoundQueue(connection, channel, queue);
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
