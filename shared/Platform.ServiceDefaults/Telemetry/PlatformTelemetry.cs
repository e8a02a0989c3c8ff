using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

public static class PlatformTelemetry
{
    /// <summary>The activity source and meter every platform service writes its own spans and metrics to.</summary>
    public const string SourceName = "Platform";

    /// <summary>
    /// Traces and metrics for ASP.NET Core, HttpClient, the .NET runtime and the platform's own source, exported over
    /// OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Libraries add theirs (Marten, MassTransit) with
    /// ConfigureOpenTelemetry{Tracer,Meter}Provider. Without an endpoint nothing is recorded: spans and measurements that
    /// nobody reads cost CPU on every request and every message (each `docker run` crosses the gateway, the runtime
    /// and the events ingest several times).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddSource(SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsProbe(ctx.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
