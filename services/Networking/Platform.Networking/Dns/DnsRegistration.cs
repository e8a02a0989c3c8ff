using Platform.Networking.Dns.Names;

namespace Platform.Networking.Dns;

public static class DnsRegistration
{
    /// <summary>The container names (one in-memory registry, also its <see cref="IDnsNames"/>) and the DNS server.</summary>
    public static IServiceCollection AddContainerDns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ContainerDnsOptions.From(configuration));
        services.AddSingleton<DnsNames>();
        services.AddSingleton<IDnsNames>(provider => provider.GetRequiredService<DnsNames>());
        services.AddSingleton<ContainerDns>();
        return services;
    }
}
