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

        long? waitingSince = null;
        while (!ct.IsCancellationRequested)
        {
            if (!connection.IsOpen) throw new InvalidOperationException("broker connection closed");
            var batch = journal.ReadAfter(shipped, BatchSize).ToList();
            if (batch.Count == 0)
            {
                waitingSince = null;
                await AppendedWithinAsync(TimeSpan.FromSeconds(1), ct);
                continue;
            }
            // Coalesce: while entries keep coming (containers being created and started), wait for a quiet moment, up
            // to MaxDelay for the oldest waiting entry.
            waitingSince ??= time.GetTimestamp();
            var left = shipping.Value.MaxDelay - time.GetElapsedTime(waitingSince.Value);
            if (batch.Count < BatchSize && left > TimeSpan.Zero
                && await AppendedWithinAsync(left < shipping.Value.Quiet ? left : shipping.Value.Quiet, ct))
                continue;
            waitingSince = null;
            // The batch goes out pipelined on the one channel (the broker keeps publish order) and its confirms are
            // awaited in order after: one round trip per batch, not per entry.
            var messages = batch.Select(entry => (entry.Sequence, Message: mapper.Map(entry))).ToList();
            foreach (var exchange in messages.Select(m => m.Message?.Exchange).OfType<string>().Distinct())
                // Declared exactly as MassTransit declares a publish exchange, so either side may create it first.
                if (declared.Add(exchange))
                    await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
            var pending = new List<(long Sequence, Task Confirmed)>(messages.Count);
            foreach (var (sequence, message) in messages)
                pending.Add((sequence, message is null ? Task.CompletedTask : PublishAsync(channel, message, factory.HostName, ct).AsTask()));
            var returned = false;
            foreach (var (sequence, confirmed) in pending)
            {
                try
                {
                    await confirmed;
                }
                catch (PublishReturnException)
                {
                    // No queue bound for this exchange yet: keep the entry and all after it (those that did go out are
                    // sent again, and deduplicated downstream by message id).
                    logger.LogInformation("No consumer bound yet; journal entry {Sequence} and those after it wait", sequence);
                    returned = true;
                    break;
                }
                shipped = sequence;
            }
            if (returned) await Task.WhenAll(pending.Select(p => p.Confirmed.ContinueWith(_ => { }, TaskScheduler.Default)));
            _cursor.Write(shipped);
            Interlocked.Exchange(ref status.ShippedSequence, shipped);
            if (returned) await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
        }
    }

    /// <summary>Whether new entries became durable within <paramref name="wait"/>.</summary>
    async Task<bool> AppendedWithinAsync(TimeSpan wait, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            await journal.Durable.ReadAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    ValueTask PublishAsync(IChannel channel, OutgoingMessage message, string brokerHost, CancellationToken ct)
    {
        var properties = new BasicProperties
        {
            MessageId = message.MessageId.ToString(),
            ContentType = MassTransitEnvelope.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
        };
        var body = MassTransitEnvelope.Write(message, brokerHost, options.Value.HostId, time.GetUtcNow());
        // Mandatory: a message no queue is bound for yet (a fresh broker before the events service binds) comes back
        // as a failure instead of being dropped, so it stays in the journal and is shipped again later.
        return channel.BasicPublishAsync(message.Exchange, "", mandatory: true, properties, body, ct);
    }
}
