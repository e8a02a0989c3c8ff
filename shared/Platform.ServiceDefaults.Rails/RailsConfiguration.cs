using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Rails;

/// <summary>The two connection strings every rail needs, read the same way in every service.</summary>
public static class RailsConfiguration
{
    /// <summary>Npgsql connection string of the shared PostgreSQL (each service keeps to its own schema).</summary>
    public const string Postgres = "Postgres";

    /// <summary>amqp://user:password@host:port/vhost of the shared RabbitMQ.</summary>
    public const string RabbitMq = "RabbitMq";

    public static string RequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionStrings:{name} is not configured (set ConnectionStrings__{name}; deploy/infra.sh writes both).");
}
