using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

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
            var returned = false;
            foreach (var entry in batch)
            {
                if (mapper.Map(entry) is { } message)
                {
                    try
                    {
                        await PublishAsync(channel, message, declared, factory.HostName, ct);
                    }
                    catch (PublishReturnException)
                    {
                        // No queue bound for this exchange yet: keep the entry (and all after it, to keep order).
                        logger.LogInformation("No consumer bound to {Exchange} yet; journal entry {Sequence} waits", message.Exchange, entry.Sequence);
                        returned = true;
                        break;
                    }
                }
                shipped = entry.Sequence;
            }
            _cursor.Write(shipped);
            Interlocked.Exchange(ref status.ShippedSequence, shipped);
            if (returned) await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
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
        // Mandatory: a message no queue is bound for yet (a fresh broker before the events service binds) comes back
        // as a failure instead of being dropped, so it stays in the journal and is shipped again later.
        await channel.BasicPublishAsync(message.Exchange, "", mandatory: true, properties, body, ct);
    }
}
