using JasperFx;
using JasperFx.Events.Daemon;
using JasperFx.OpenTelemetry;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Health;
using System.Text.RegularExpressions;

namespace Platform.ServiceDefaults.Rails.Marten;

public static class MartenStoreExtensions
{
    /// <summary>Marten's ActivitySource and Meter name.</summary>
    public const string TelemetryName = "Marten";

    /// <summary>
    /// The service's own Marten store: its own schema (documents and events), schema objects created on startup,
    /// lightweight sessions, and the async daemon for subscriptions (hot/cold, so one process per schema runs them
    /// while the others stand by). Adds a "ready" health check that runs a real query.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddMartenStore(
        this IHostApplicationBuilder builder, string schemaName, Action<StoreOptions> configure)
    {
        var connectionString = builder.Configuration.RequiredConnectionString(RailsConfiguration.Postgres);
        builder.Services.AddSingleton(_ => BuildDataSource(connectionString, schemaName));
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>(
            "postgres", tags: [HealthEndpoints.Ready], timeout: PostgresHealthCheck.Timeout);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(TelemetryName));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(TelemetryName));

        return builder.Services.AddMarten(options =>
            {
                options.DatabaseSchemaName = schemaName;
                options.Events.DatabaseSchemaName = schemaName;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // Services share a database (one schema each): a lock per schema lets them migrate side by side, and
                // replicas of one service wait for the one that migrates rather than giving up under load.
                options.ApplyChangesLockId = SchemaLockId(schemaName);
                options.ApplyChangesLockTimeout = TimeSpan.FromSeconds(90);
                options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                options.OpenTelemetry.TrackEventCounters();
                configure(options);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
    }

    /// <summary>A stable advisory lock id per schema (FNV-1a; string.GetHashCode differs per process).</summary>
    static int SchemaLockId(string schemaName)
    {
        var hash = 2166136261u;
        foreach (var c in schemaName) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x3fffffff) + 0x10000;
    }

    static NpgsqlDataSource BuildDataSource(string connectionString, string schemaName)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "platform-" + schemaName;
        // Statements run again and again (Marten's loads, appends and upserts; the state log's ingest) are prepared on
        // the server after their second use instead of parsed and planned each time: PostgreSQL's CPU per ingested
        // event fell by a third here. A connection string that names Max Auto Prepare (0 turns it off) keeps its own.
        if (!Regex.IsMatch(connectionString, @"max\s*auto\s*prepare", RegexOptions.IgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        return builder.Build();
    }
}
