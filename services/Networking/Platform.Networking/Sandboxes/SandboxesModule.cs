using Marten;

namespace Platform.Networking.Sandboxes;

public static class SandboxesModule
{
    public static StoreOptions AddSandboxes(this StoreOptions options)
    {
        options.Events.AddEventType<SandboxCreated>();
        options.Events.AddEventType<SandboxEndpointAttached>();
        options.Events.AddEventType<SandboxEndpointDetached>();
        options.Events.AddEventType<SandboxRemoved>();
        options.Projections.Snapshot<SandboxState>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        return options;
    }

    public static IServiceCollection AddSandboxes(this IServiceCollection services)
    {
        services.AddSingleton<SandboxStreams>();
        services.AddSingleton<SandboxManager>();
        services.AddHostedService<SandboxRecovery>();
        return services;
    }
}
