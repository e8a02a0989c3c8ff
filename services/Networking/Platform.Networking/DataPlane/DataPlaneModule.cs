using Microsoft.Extensions.Options;
using Platform.Networking.DataPlane.Bridges;
using Platform.Networking.DataPlane.Endpoints;
using Platform.Networking.DataPlane.Isolation;
using Platform.Networking.DataPlane.Namespaces;
using Platform.Networking.DataPlane.Netlink;
using Platform.ServiceDefaults;

namespace Platform.Networking.DataPlane;

public static class DataPlaneModule
{
    /// <summary>
    /// The kernel data plane: bridges, namespaces and veths over rtnetlink, isolation with iptables. Registered with
    /// Add (not TryAdd) so it wins over any stand-in registered later with TryAdd.
    /// </summary>
    /// <param name="namespacePool">Namespaces kept made ahead of need (0: make each on demand).</param>
    public static IServiceCollection AddDataPlane(this IServiceCollection services, int namespacePool = 4)
    {
        services.AddSingleton<HostNetlink>();
        services.AddSingleton<NamespaceThread>();
        services.AddSingleton(sp => new NamespacePool(sp.GetRequiredService<NamespaceThread>(), namespacePool));
        services.AddSingleton(sp => new NetnsDirectory(NetnsDirectoryOf(sp.GetRequiredService<IOptions<PlatformHostOptions>>().Value)));
        services.AddSingleton<SandboxNamespaces>();
        services.AddSingleton<Iptables>();
        services.AddSingleton<NetworkIsolation>();
        services.AddSingleton<INetworkDataPlane, KernelNetworkDataPlane>();
        services.AddSingleton<ISandboxDataPlane, KernelSandboxDataPlane>();
        return services;
    }

    /// <summary>Where sandbox namespaces are pinned: {RunDir}/networking/netns.</summary>
    public static string NetnsDirectoryOf(PlatformHostOptions host) => Path.Combine(host.RunDir, NetworkingModule.ServiceName, "netns");
}
