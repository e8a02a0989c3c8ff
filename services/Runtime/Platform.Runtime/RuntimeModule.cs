using Platform.Runtime.Containers;
using Platform.Runtime.Containers.Lifecycle;
using Platform.Runtime.Diagnostics;
using Platform.Runtime.DockerApi;
using Platform.Runtime.Engine;
using Platform.Runtime.Hosting;
using Platform.Runtime.Journal;
using Platform.Runtime.Shipping;
using Platform.Runtime.Volumes;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime;

public static class RuntimeModule
{
    public static WebApplicationBuilder AddRuntime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMediator(o => o.ServiceLifetime = ServiceLifetime.Singleton);
        builder.AddJournal();
        builder.AddShipping();
        builder.AddHosting();
        builder.AddVolumes();
        builder.AddContainers();
        builder.AddEngine();
        builder.AddDockerApi();
        return builder;
    }

    public static WebApplication MapRuntime(this WebApplication app)
    {
        app.UseDockerApi();
        app.UseContainerRestore();
        app.UseRouting(); // after the prefix is stripped, so /v1.51/_ping routes like /_ping
        app.MapDefaultEndpoints();
        app.MapDockerApi();
        app.MapRunPhases();
        app.MapDockerFallback();
        return app;
    }
}
