using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;
using RabbitMQ.Client;

namespace Platform.Runtime.Shipping.Heartbeats;

/// <summary>
/// Sends one heartbeat straight to RabbitMQ, best-effort: its own connection (opened on demand, dropped on any
/// failure and reopened at the next beat), no publisher confirms, not mandatory (with no consumer bound it is simply
/// dropped). A broker that is down costs a debug line, never an exception: liveness is what the heartbeat reports,
/// and the journal shipper already reports the broker's state.
/// </summary>
public sealed class HeartbeatSender(IOptions<PlatformHostOptions> host, TimeProvider time, ILogger<HeartbeatSender> logger) : IAsyncDisposable
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    IConnection? _connection;
    IChannel? _channel;

    /// <returns>false when the heartbeat could not be handed to the broker (it is not retried).</returns>
    public async Task<bool> TrySendAsync(ConnectionFactory factory, CancellationToken ct)
    {
        var hostId = host.Value.HostId;
        var now = time.GetUtcNow();
        var message = HeartbeatMessage.For(hostId, now);
        try
        {
            var channel = await ChannelAsync(factory, message.Exchange, ct);
            var properties = new BasicProperties { MessageId = message.MessageId.ToString(), ContentType = MassTransitEnvelope.ContentType };
            var body = MassTransitEnvelope.Write(message, factory.HostName, hostId, now);
            await channel.BasicPublishAsync(message.Exchange, "", mandatory: false, properties, body, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception ex)
        {
            logger.LogDebug("Heartbeat skipped, broker unavailable: {Error}", ex.Message);
            await DisposeAsync();
            return false;
        }
    }

    async Task<IChannel> ChannelAsync(ConnectionFactory factory, string exchange, CancellationToken ct)
    {
        if (_channel is { IsOpen: true }) return _channel;
        await DisposeAsync();
        factory.RequestedConnectionTimeout = ConnectTimeout;
        factory.AutomaticRecoveryEnabled = false; // the next beat reconnects
        _connection = await factory.CreateConnectionAsync(ct);
        _channel = await _connection.CreateChannelAsync(cancellationToken: ct);
        // Declared exactly as MassTransit declares a publish exchange, so either side may create it first.
        await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        return _channel;
    }

    public async ValueTask DisposeAsync()
    {
        var (channel, connection) = (_channel, _connection);
        (_channel, _connection) = (null, null);
        try
        {
            if (channel is not null) await channel.DisposeAsync();
            if (connection is not null) await connection.DisposeAsync();
        }
        catch (Exception ex)
        {
            logger.LogDebug("Closing the heartbeat connection failed: {Error}", ex.Message);
        }
    }
}
