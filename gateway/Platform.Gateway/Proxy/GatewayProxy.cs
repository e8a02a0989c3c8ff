using Platform.ServiceDefaults.DockerApi;
using Platform.ServiceDefaults.Hijack;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.Proxy;

/// <summary>
/// YARP with routes and clusters from the "ReverseProxy" configuration section (appsettings.json). Each
/// cluster's HttpRequest:ActivityTimeout is "-00:00:00.001", i.e. infinite: YARP's default of 100 s would cut
/// a quiet <c>logs -f</c>, <c>events</c> or <c>wait</c>.
/// </summary>
public static class GatewayProxy
{
    public static IServiceCollection AddGatewayProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddTransforms(transforms => transforms.AddResponseTransform(StreamingResponses.SendHeadersNow));
        return services;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
            proxy.Use(AnswerForwarderErrorsLikeDocker);
        });
        return app;
    }

    /// <summary>A failed forward gets a Docker error body instead of YARP's empty 502/504.</summary>
    static async Task AnswerForwarderErrorsLikeDocker(HttpContext context, Func<Task> next)
    {
        await next();
        if (context.GetForwarderErrorFeature() is not { } failure) return;
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested) return;

        foreach (var (name, value) in RawHttpResponse.DockerHeaders) context.Response.Headers[name] = value;
        var cluster = context.Features.Get<IReverseProxyFeature>()?.Cluster.Config.ClusterId ?? "backend";
        var what = context.Response.StatusCode >= 500 ? $"{cluster} is unavailable" : $"forwarding to {cluster} failed";
        var detail = failure.Exception is { } e ? $"{failure.Error}: {e.Message}" : failure.Error.ToString();
        await DockerErrors.WriteAsync(context, context.Response.StatusCode, $"{what} ({detail})");
    }
}
