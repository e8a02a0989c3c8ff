using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Platform.ServiceDefaults.Rails.Marten;

/// <summary>Ready when PostgreSQL answers a real query through the same data source Marten uses.</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select current_database()");
        var database = await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy($"database {database}");
    }
}
