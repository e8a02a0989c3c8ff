using Microsoft.AspNetCore.DataProtection;
using Platform.Gateway.Hijack;
using Platform.Gateway.Listeners;
using Platform.Gateway.Proxy;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Gateway;

/// <summary>
/// The gateway routes; it owns nothing. YARP forwards by the routes in appsettings.json; code covers only what
/// YARP cannot do: the attach/exec hijack splice, streams without idle timeouts, Docker-shaped answers of its own.
/// Per-host routing (<c>/hosts/{host}/…</c>) will add routes per host and a host-aware
/// <see cref="HijackBackends"/>; authentication will sit in <see cref="MapGateway"/> before the proxy.
/// </summary>
public static class GatewayModule
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var options = GatewayOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<HijackBackends>();
        builder.Services.AddSingleton<RuntimeHijack>();
        builder.Services.AddGatewayProxy(builder.Configuration);
        // YARP registers data protection (for session affinity, unused here): keep its keys in memory
        builder.Services.AddSingleton<IDataProtectionProvider, EphemeralDataProtectionProvider>();
        builder.AddGatewayListeners(options);
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<GatewayOptions>();
        if (options.HasSocket) app.Lifetime.ApplicationStarted.Register(() => UnixSocketFile.Restrict(options.Socket!));

        app.UseRegistryScope();
        app.UseRouting();
        app.UseWhen(IsGatewayOwnAnswer, own => own.UseDockerApi());   // proxied responses keep the backends' headers
        app.MapDefaultEndpoints();
        app.MapGatewayProxy();
        app.MapFallback("{**path}", context => DockerErrors.WriteAsync(context, StatusCodes.Status404NotFound, "page not found"))
            .WithMetadata(GatewayOwnAnswer.Instance);
        return app;
    }

    static bool IsGatewayOwnAnswer(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GatewayOwnAnswer>() is not null;

    sealed class GatewayOwnAnswer
    {
        public static readonly GatewayOwnAnswer Instance = new();
    }
}
