using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Telemetry;

public static class StructuredLogging
{
    /// <summary>
    /// Per-request records of the hosting, routing, proxy and HTTP client layers: every docker run crosses several
    /// services, and four JSON lines per request per hop cost more than some of the work they describe. Warnings and
    /// errors of these layers still show; Logging__LogLevel__&lt;category&gt; (appsettings or environment) overrides.
    /// </summary>
    static readonly Dictionary<string, string?> QuietByDefault = new()
    {
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Yarp"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    /// <summary>One JSON object per log record on stdout, UTC timestamps, scopes included.</summary>
    public static IHostApplicationBuilder AddStructuredLogging(this IHostApplicationBuilder builder)
    {
        // Lowest precedence: any configured level for these categories wins.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietByDefault });
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }
}
