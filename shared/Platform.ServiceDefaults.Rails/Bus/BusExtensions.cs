using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Health;

namespace Platform.ServiceDefaults.Rails.Bus;

public static class BusExtensions
{
    /// <summary>MassTransit's ActivitySource and Meter name.</summary>
    public const string TelemetryName = "MassTransit";

    /// <summary>
    /// MassTransit on RabbitMQ (ConnectionStrings:RabbitMq). Receive endpoints are kebab-case and prefixed with the
    /// service name ("events-host-started"), so two services consuming one contract each get their own queue.
    /// Register consumers explicitly in <paramref name="configure"/>, one line each. Adds the "ready" bus health check.
    /// </summary>
    public static IHostApplicationBuilder AddBus(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator> configure)
    {
        var broker = RabbitMqAddress.Parse(builder.Configuration.RequiredConnectionString(RailsConfiguration.RabbitMq));
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName + "-", includeNamespace: false));
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "rabbitmq";
                health.Tags.Add(HealthEndpoints.Ready);
            });
            configure(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, serviceName, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    if (broker.UseTls) host.UseSsl(tls => tls.ServerName = broker.Host);
                });
                // A server that cannot be reached (the database is down) is waited out in place, however long, keeping
                // order and losing nothing; any other failure is retried a few times, then goes to <queue>_error.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(Unreachable.IsServerUnreachable);
                    retry.Exponential(int.MaxValue, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500));
                });
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(Unreachable.IsServerUnreachable);
                    retry.Intervals(100, 500, 1_000, 5_000, 10_000);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(TelemetryName));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(TelemetryName));
        return builder;
    }
}
