using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Networking.Addressing;
using Platform.Networking.Bridges;
using Platform.Networking.DataPlane;
using Platform.Networking.DockerApi;
using Platform.Networking.Endpoints;
using Platform.Networking.Networks;
using Platform.Networking.Networks.Creating;
using Platform.Networking.Networks.Predefined;
using Platform.Networking.Networks.Pruning;
using Platform.Networking.Networks.Publishing;
using Platform.Networking.Networks.Removing;
using Platform.Networking.Sandboxes;
using Platform.Networking.State;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.DockerApi;
using Platform.ServiceDefaults.Rails.Bus;
using Platform.ServiceDefaults.Rails.IntegrationEvents;
using Platform.ServiceDefaults.Rails.Marten;

namespace Platform.Networking;

/// <summary>
/// Per host: networks, IPAM, endpoints and sandboxes held in memory, made durable by a local journal and written
/// behind the hot path to the "networking" Marten schema, published through the bus from there; the kernel
/// side is an <see cref="INetworkDataPlane"/> registered by the data plane's own module (none: bridges are not made).
/// </summary>
public static class NetworkingModule
{
    public const string ServiceName = "networking";

    public static IHostApplicationBuilder AddNetworking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataPlane(); // first: the kernel data plane wins over TryAdd stand-ins
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<NetworkingOptions>(builder.Configuration.GetSection(NetworkingOptions.Section));
        builder.AddMartenStore(ServiceName, options => options.AddNetworks().AddSandboxes())
            .PublishIntegrationEvents<NetworkingIntegrationEvents>();
        builder.AddBus(ServiceName, _ => { });
        builder.Services.TryAddSingleton<INetworkDataPlane, KernelAbsentDataPlane>();
        builder.Services.TryAddSingleton<IHostRoutes>(new ProcNetRoutes());
        builder.Services.AddLocalState(); // before the startup work below: it reads the loaded state
        builder.Services.AddSingleton<NetworkStreams>();
        builder.Services.AddSingleton<NetworkCreator>();
        builder.Services.AddSingleton<NetworkRemover>();
        builder.Services.AddSingleton<NetworkPruner>();
        builder.Services.AddSingleton<NetworkEndpoints>();
        builder.AddPredefinedNetworks();
        builder.AddPortsAndDns();
        builder.Services.AddSandboxes(); // after the predefined networks: recovery needs their bridges
        return builder;
    }

    public static WebApplication MapNetworking(this WebApplication app)
    {
        app.UseDockerApi();
        app.UseMiddleware<NetworkErrorMiddleware>();
        app.UseRouting(); // after the /v{X.Y} prefix is stripped
        app.MapDefaultEndpoints();
        app.MapNetworksDockerApi();
        app.MapEndpointsApi();
        app.MapSandboxes();
        app.MapDockerFallback();
        return app;
    }
}
