using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Events.StateLog.Recording;
using Platform.Events.Webhooks.Sending;
using Platform.Events.Webhooks.Subscriptions;
using Platform.ServiceDefaults.Rails;

namespace Platform.Events.Webhooks.Deliveries;

/// <summary>
/// Runs webhook delivery: plans deliveries as the state log grows (woken by each new entry, and polling besides) and
/// keeps one <see cref="SubscriptionWorker"/> per live subscription. One events instance delivers at a time: it holds
/// a PostgreSQL session lock, which the server releases by itself if the holder dies, so another instance (or this
/// one restarted) takes over where the deliveries stand.
/// </summary>
public sealed class DeliveryService(
    IDocumentStore store, DeliveryPlanner planner, WebhookSender sender, StateLogSignal logSignal, IConfiguration configuration,
    IOptions<WebhookOptions> options, TimeProvider time, ILogger<DeliveryService> logger) : BackgroundService
{
    /// <summary>pg_advisory_lock key of webhook delivery ("webhooks" in ASCII).</summary>
    const long DeliveryLock = 0x776562686F6F6B73;

    readonly Dictionary<string, (SubscriptionWorker Worker, Task Running, CancellationTokenSource Stop)> _workers = new(StringComparer.Ordinal);

    /// <summary>Set when the live subscriptions must be read again before the next planning pass.</summary>
    volatile bool _subscriptionsChanged = true;

    /// <summary>A subscription changed or a delivery was queued again: look now rather than at the next poll.</summary>
    public void Wake(string? subscriptionId = null)
    {
        _subscriptionsChanged = true;
        lock (_workers)
            if (subscriptionId is not null && _workers.TryGetValue(subscriptionId, out var w)) w.Worker.Wake();
        logSignal.Notify();
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await using var leadership = await LeadAsync(ct);
        logger.LogInformation("Webhook delivery started");
        IReadOnlyList<Subscription> subscriptions = [];
        var readAt = DateTimeOffset.MinValue;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var next = logSignal.Next;
                try
                {
                    // Subscriptions are read again when this process changed one (Wake) and at least once per poll
                    // interval (another instance may have): not on every entry appended to the log, which would add a
                    // query per ingested event while nobody subscribes.
                    if (_subscriptionsChanged || time.GetUtcNow() - readAt >= options.Value.PollInterval)
                    {
                        _subscriptionsChanged = false;
                        readAt = time.GetUtcNow();
                        subscriptions = await LiveSubscriptionsAsync(ct);
                        Reconcile(subscriptions, ct);
                    }
                    foreach (var id in await planner.PlanAsync(subscriptions, ct))
                        lock (_workers) if (_workers.TryGetValue(id, out var w)) w.Worker.Wake();
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    _subscriptionsChanged = true;
                    logger.LogWarning(e, "Planning webhook deliveries failed; trying again");
                }
                await StateLogSignal.WaitAsync(next, options.Value.PollInterval, time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            Reconcile([], ct);
            Task[] running;
            lock (_workers) running = [.. _workers.Values.Select(w => w.Running)];
            await Task.WhenAll(running);
        }
    }

    async Task<IReadOnlyList<Subscription>> LiveSubscriptionsAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<Subscription>().Where(s => s.DeletedAt == null).ToListAsync(ct);
    }

    /// <summary>A worker for every live subscription, none for a deleted one.</summary>
    void Reconcile(IReadOnlyList<Subscription> live, CancellationToken ct)
    {
        lock (_workers)
        {
            foreach (var gone in _workers.Keys.Where(id => live.All(s => s.Id != id)).ToList())
            {
                _workers[gone].Stop.Cancel();
                _workers.Remove(gone);
            }
            foreach (var subscription in live.Where(s => !_workers.ContainsKey(s.Id)))
            {
                var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var worker = new SubscriptionWorker(subscription, store, sender, options.Value, time, logger);
                _workers[subscription.Id] = (worker, Task.Run(() => worker.RunAsync(stop.Token), CancellationToken.None), stop);
            }
        }
    }

    async Task<NpgsqlConnection> LeadAsync(CancellationToken ct)
    {
        var announced = false;
        while (true)
        {
            var connection = new NpgsqlConnection(configuration.RequiredConnectionString(RailsConfiguration.Postgres));
            try
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", DeliveryLock);
                if (await command.ExecuteScalarAsync(ct) is true) return connection;
                if (!announced) logger.LogInformation("Another events instance delivers webhooks; standing by");
                announced = true;
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Cannot reach PostgreSQL to take up webhook delivery; trying again");
            }
            await connection.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(2), time, ct);
        }
    }
}
