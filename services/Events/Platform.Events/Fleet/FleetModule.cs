using Platform.Events.Fleet.Activity;
using Platform.Events.Fleet.Containers;
using Platform.Events.Fleet.Hosts;
using Platform.Events.Fleet.Images;
using Platform.Events.Fleet.Networks;

namespace Platform.Events.Fleet;

public static class FleetModule
{
    public static IHostApplicationBuilder AddFleet(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<FleetOptions>(builder.Configuration.GetSection(FleetOptions.Section));
        return builder;
    }

    /// <summary>/api/v1/fleet: hosts, containers, images, networks and recent activity across the fleet.</summary>
    public static WebApplication MapFleet(this WebApplication app)
    {
        app.MapGroup("/api/v1/fleet").MapListHosts().MapListContainers().MapListImages().MapListNetworks().MapListActivity();
        return app;
    }
}
