using Platform.Runtime.Containers.Networking;
using Microsoft.Extensions.Options;
using Platform.Runtime.Containers.Attaching;
using Platform.Runtime.Containers.Committing;
using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Exec;
using Platform.Runtime.Containers.Files;
using Platform.Runtime.Containers.Inspecting;
using Platform.Runtime.Containers.Lifecycle;
using Platform.Runtime.Containers.Listing;
using Platform.Runtime.Containers.Logs;
using Platform.Runtime.Containers.Operating;
using Platform.Runtime.Containers.Pruning;
using Platform.Runtime.Containers.Stats;
using Platform.Runtime.Containers.Top;
using Platform.Runtime.Containers.Waiting;

namespace Platform.Runtime.Containers;

public static class ContainersModule
{
    public static WebApplicationBuilder AddContainers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ContainerStore>();
        services.AddSingleton<Diagnostics.RunPhases>();
        services.AddSingleton<ContainerLifecycle>();
        services.AddSingleton<ContainerVolumes>();
        services.AddSingleton<AttachHub>();
        services.AddSingleton<AttachContainer>();
        services.AddSingleton<ContainerLogs>();
        services.AddSingleton<InspectContainer>();
        services.AddSingleton<ContainerSizes>();
        services.AddSingleton<ExecStore>();
        services.AddSingleton<ExecJournal>();
        services.AddSingleton<StartExec>();
        services.AddSingleton<ContainerFiles>();
        services.AddSingleton<StatsSampler>();
        services.AddSingleton<ContainerRestore>();
        services.AddHostedService<ExitMonitor>();
        services.AddSingleton(sp => new ImagesClient(new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(sp.GetRequiredService<IConfiguration>()["Platform:ImagesUrl"] ?? "http://127.0.0.1:5102"),
            Timeout = TimeSpan.FromMinutes(10),
        }));
        services.AddSingleton<Networking.ContainerNetworking>();
        services.AddSingleton<Networking.ContainerNetworkPlanner>();
        services.AddSingleton(sp => new Networking.NetworkingClient(new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(sp.GetRequiredService<IConfiguration>()["Platform:NetworkingUrl"] ?? "http://127.0.0.1:5103"),
            Timeout = TimeSpan.FromMinutes(2),
        }));
        return builder;
    }

    public static IEndpointRouteBuilder MapContainers(this IEndpointRouteBuilder app)
    {
        app.MapCreateContainer();
        app.MapInspectContainer();
        app.MapListContainers();
        app.MapWaitContainer();
        app.MapContainerLogs();
        app.MapContainerOperations();
        app.MapCreateExec();
        app.MapInspectExec();
        app.MapStartExec();
        app.MapContainerFiles();
        app.MapContainerTop();
        app.MapContainerStats();
        app.MapPruneContainers();
        app.MapContainerDiff();
        app.MapConnectContainer();
        return app;
    }
}
