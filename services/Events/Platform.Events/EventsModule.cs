using Platform.Events.Fleet;
using Platform.Events.Fleet.Hosts;
using Platform.Events.Ingesting;
using Platform.Events.Ingesting.Images;
using Platform.Events.Ingesting.Networking;
using Platform.Events.Ingesting.Runtime;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Docker;
using Platform.Events.StateLog.Listing;
using Platform.ServiceDefaults.DockerApi;
using Platform.Events.StateLog.Recording;
using Platform.Events.Webhooks;
using Platform.ServiceDefaults.Rails.Bus;
using Platform.ServiceDefaults.Rails.Marten;

namespace Platform.Events;

public static class EventsModule
{
    public const string ServiceName = "events";

    public static IHostApplicationBuilder AddEvents(this IHostApplicationBuilder builder)
    {
        builder.AddMartenStore(ServiceName, options => options.AddStateLog().AddFleetViews().AddWebhooks());
        builder.Services.AddSingleton<StateLogWriter>();
        builder.Services.AddSingleton<StateLogSignal>();
        builder.AddWebhooks();
        builder.Services.AddOpenApi("v1");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddFleet();
        builder.AddBus(ServiceName, bus =>
        {
            bus.AddConsumer<HostStartedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<VolumeCreatedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<VolumeDestroyedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ContainerCreatedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ContainerStartedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ContainerExitedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ContainerKilledConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ContainerStoppedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ContainerPausedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ContainerUnpausedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ContainerRenamedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ContainerDestroyedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ExecCreatedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ExecStartedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ExecDiedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<NetworkCreatedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<NetworkRemovedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<NetworkConnectedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<NetworkDisconnectedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ImageImportedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ImageCommittedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ImageLoadedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ImagePulledConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ImageTaggedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ImageUntaggedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<ImageDeletedConsumer>().Endpoint(StateLogEndpoint.Configure);
            bus.AddConsumer<HostHeartbeatConsumer>().Endpoint(HeartbeatEndpoint.Configure);
        });
        return builder;
    }

    public static WebApplication MapEvents(this WebApplication app)
    {
        app.UseDockerApi(); // /v1.NN/events → /events
        app.UseRouting();
        app.MapGroup("/api/v1/events").MapListEvents().MapStreamEvents();
        app.MapDockerEvents();
        app.MapFleet();
        app.MapWebhooks();
        app.MapOpenApi("/api/{documentName}/openapi.json");
        return app;
    }
}
