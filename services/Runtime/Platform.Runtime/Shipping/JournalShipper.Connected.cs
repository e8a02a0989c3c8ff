using RabbitMQ.Client;

namespace Platform.Runtime.Shipping;

public sealed partial class JournalShipper
{
    const int BatchSize = 256;

    async Task ShipWhileConnectedAsync(ConnectionFactory factory, CancellationToken ct)
    {
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        status.Connected = true;
        status.LastError = null;
        logger.LogInformation("Connected to broker {Host}", factory.HostName);
        var declared = new HashSet<string>();
        var shipped = _cursor.Read();
        Interlocked.Exchange(ref status.ShippedSequence, shipped);

        while (!ct.IsCancellationRequested)
        {
            if (!connection.IsOpen) throw new InvalidOperationException("broker connection closed");
            var batch = journal.ReadAfter(shipped, BatchSize).ToList();
            if (batch.Count == 0)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(TimeSpan.FromSeconds(1));
                try { await journal.Durable.ReadAsync(wait.Token); } catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
                continue;
            }
            foreach (var entry in batch)
            {
                if (mapper.Map(entry) is { } message) await PublishAsync(channel, message, declared, factory.HostName, ct);
                shipped = entry.Sequence;
            }
            _cursor.Write(shipped);
            Interlocked.Exchange(ref status.ShippedSequence, shipped);
        }
    }

    async Task PublishAsync(IChannel channel, OutgoingMessage message, HashSet<string> declared, string brokerHost, CancellationToken ct)
    {
        // Declared exactly as MassTransit declares a publish exchange, so either side may create it first.
        if (declared.Add(message.Exchange))
            await channel.ExchangeDeclareAsync(message.Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        var properties = new BasicProperties
        {
            MessageId = message.MessageId.ToString(),
            ContentType = MassTransitEnvelope.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
        };
        var body = MassTransitEnvelope.Write(message, brokerHost, options.Value.HostId, time.GetUtcNow());
        await channel.BasicPublishAsync(message.Exchange, "", mandatory: false, properties, body, ct);
    }
}
