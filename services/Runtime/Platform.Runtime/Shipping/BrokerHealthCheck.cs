using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Runtime.Journal;

namespace Platform.Runtime.Shipping;

/// <summary>
/// RabbitMQ reachability as the runtime sees it. The runtime keeps serving while the broker is down (events wait
/// in the journal), so an unreachable broker is reported as Degraded, not Unhealthy.
/// </summary>
public sealed class BrokerHealthCheck(BrokerStatus status, RuntimeJournal journal) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var backlog = journal.DurableSequence - Interlocked.Read(ref status.ShippedSequence);
        return Task.FromResult(status.Connected
            ? HealthCheckResult.Healthy($"connected, {backlog} journal entries waiting")
            : HealthCheckResult.Degraded($"unreachable ({status.LastError ?? "not connected yet"}), {backlog} journal entries waiting"));
    }
}
