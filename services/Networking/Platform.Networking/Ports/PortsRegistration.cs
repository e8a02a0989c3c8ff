namespace Platform.Networking.Ports;

public static class PortsRegistration
{
    /// <summary>The host's port publisher, one per service instance.</summary>
    public static IServiceCollection AddPorts(this IServiceCollection services)
    {
        services.AddSingleton(new PortPublisherOptions());
        services.AddSingleton<PortPublisher>();
        return services;
    }
}
