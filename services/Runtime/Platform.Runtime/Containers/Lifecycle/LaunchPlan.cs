using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Containers.Networking;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Lifecycle;

/// <summary>What the engine needs to run a container, from its journaled config. Pure.</summary>
public static class LaunchPlan
{
    public static ContainerLaunch For(Container c, NetworkAttachment network, Func<MountPoint, string> source)
    {
        var host = c.HostConfig;
        var mounts = c.Mounts.Select(m => m.Type switch
        {
            "tmpfs" => new MountSpec("tmpfs", m.Destination, "tmpfs", !m.RW, m.Mode.Split(',', StringSplitOptions.RemoveEmptyEntries)),
            _ => new MountSpec(source(m), m.Destination, "bind", !m.RW, m.Propagation.Length > 0 ? [m.Propagation] : []),
        }).ToList();
        var resources = new ResourceLimits(host.Memory, host.MemorySwap, host.NanoCpus, host.CpuShares, host.CpuQuota,
            host.CpuPeriod, host.PidsLimit ?? 0, host.ShmSize);
        return new ContainerLaunch(c.Id, [c.Path, .. c.Args], c.Config.Env ?? [], c.Config.WorkingDir.Length > 0 ? c.Config.WorkingDir : "/",
            c.Config.User, c.Config.Hostname, c.Config.Tty, c.Config.OpenStdin, c.Config.StdinOnce, mounts, resources,
            host.ReadonlyRootfs, host.CapAdd ?? [], host.CapDrop ?? [], host.Privileged, HostConfigDefaults.NoNewPrivileges(host),
            host.Init == true, network.NamespacePath, host.ConsoleSize[0], host.ConsoleSize[1])
        {
            IpAddress = network.IpAddress,
            ExtraHosts = network.ExtraHosts,
            HostNetwork = network.HostNetwork,
            Nameservers = network.Nameservers,
            DnsSearch = host.DnsSearch ?? [],
            DnsOptions = host.DnsOptions ?? [],
        };
    }
}
