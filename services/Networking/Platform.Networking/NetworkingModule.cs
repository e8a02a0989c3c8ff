using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Networking.DataPlane;
using Platform.Networking.Networks;
using Platform.Networking.Networks.Predefined;
using Platform.Networking.Networks.Publishing;
using Platform.ServiceDefaults.Rails.Bus;
using Platform.ServiceDefaults.Rails.IntegrationEvents;
using Platform.ServiceDefaults.Rails.Marten;

namespace Platform.Networking;

public static class NetworkingModule
{
    public const string ServiceName = "networking";

    public static IHostApplicationBuilder AddNetworking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataPlane(); // first: the kernel data plane wins over TryAdd stand-ins
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddMartenStore(ServiceName, options => options.AddNetworks())
            .PublishIntegrationEvents<NetworkingIntegrationEvents>();
        builder.AddBus(ServiceName, _ => { });
        builder.AddPredefinedNetworks();
        builder.AddPortsAndDns();
        return builder;
    }
}
