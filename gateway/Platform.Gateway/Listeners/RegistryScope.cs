using Microsoft.AspNetCore.Connections.Features;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Gateway.Listeners;

/// <summary>The registry listener (port 5000 by default) serves the OCI distribution API only.</summary>
public static class RegistryScope
{
    public const string ListenerKey = "platform.gateway.registry-listener";

    public static IApplicationBuilder UseRegistryScope(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var onRegistryListener = context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(ListenerKey) == true;
        return onRegistryListener && !context.Request.Path.StartsWithSegments("/v2")
            ? DockerErrors.WriteAsync(context, StatusCodes.Status404NotFound, "page not found")
            : next(context);
    });
}
