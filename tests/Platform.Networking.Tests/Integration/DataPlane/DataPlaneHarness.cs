using Microsoft.Extensions.DependencyInjection;
using Platform.Networking.DataPlane;
using Platform.Networking.DataPlane.Isolation;
using Platform.Networking.DataPlane.Native;
using Platform.ServiceDefaults;

namespace Platform.Networking.Tests.Integration.DataPlane;

/// <summary>
/// The kernel data plane as the service registers it, over a temporary run directory. Networks get unique pbr-t…
/// bridges and /24 subnets in 10.213.0.0/16; everything made through the harness is removed on dispose.
/// </summary>
sealed class DataPlaneHarness : IAsyncDisposable
{
    static int _nextSubnet = Random.Shared.Next(240);
    readonly ServiceProvider _services;
    readonly List<NetworkPlan> _networks = [];
    readonly List<Container> _containers = [];

    public DataPlaneHarness()
    {
        RunDir = Path.Combine(Path.GetTempPath(), "pnt-" + Suffix(6));
        _services = Start();
    }

    /// <summary>Another instance of the data plane over the same run directory, as after a service restart.</summary>
    public ServiceProvider Start() =>
        new ServiceCollection().Configure<PlatformHostOptions>(o => o.RunDir = RunDir).AddDataPlane().BuildServiceProvider();

    public string RunDir { get; }
    public INetworkDataPlane Networks => _services.GetRequiredService<INetworkDataPlane>();
    public ISandboxDataPlane Sandboxes => _services.GetRequiredService<ISandboxDataPlane>();
    public NetworkIsolation Isolation => _services.GetRequiredService<NetworkIsolation>();

    public static string Suffix(int length) => Guid.NewGuid().ToString("N")[..length];

    public static NetworkPlan PlanNetwork(bool isInternal = false)
    {
        var subnet = 1 + Interlocked.Increment(ref _nextSubnet) % 240;
        return new NetworkPlan("t" + Suffix(8), "pbr-t" + Suffix(6), $"10.213.{subnet}.0/24", $"10.213.{subnet}.1", isInternal);
    }

    public async Task<NetworkPlan> NetworkAsync(bool isInternal = false, NetworkPlan? plan = null)
    {
        plan ??= PlanNetwork(isInternal);
        _networks.Add(plan);
        await Networks.EnsureNetworkAsync(plan, default);
        return plan;
    }

    /// <summary>A sandbox attached as eth0 to <paramref name="network"/> at host number <paramref name="host"/>.</summary>
    public async Task<Container> ContainerAsync(NetworkPlan network, int host, string? bridge = null, string? gateway = null)
    {
        var id = "t" + Suffix(8);
        var path = await Sandboxes.CreateSandboxAsync(id, default);
        var address = network.Subnet.Replace(".0/24", $".{host}");
        var endpoint = new EndpointPlan(path, bridge ?? network.Bridge, "vt" + Suffix(8), "eth0", $"{address}/24",
            "02:42:" + string.Join(':', address.Split('.').Select(b => int.Parse(b).ToString("x2"))), gateway ?? network.Gateway);
        var container = new Container(id, endpoint, address);
        _containers.Add(container);
        await Sandboxes.AttachAsync(endpoint, default);
        return container;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers)
        {
            await Quietly(() => Sandboxes.DetachAsync(container.Endpoint, default));
            await Quietly(() => Sandboxes.RemoveSandboxAsync(container.Id, default));
        }
        foreach (var network in _networks) await Quietly(() => Networks.RemoveNetworkAsync(network, default));
        await _services.DisposeAsync();
        var netns = DataPlaneModule.NetnsDirectoryOf(new PlatformHostOptions { RunDir = RunDir });
        while (Kernel.IsMounted(netns) && Libc.Umount2(netns, Libc.MntDetach) == 0) { }
        if (Directory.Exists(RunDir)) Directory.Delete(RunDir, recursive: true);
    }

    static async Task Quietly(Func<Task> cleanup)
    {
        try { await cleanup(); }
        catch (Exception) { /* best effort: the test itself reports what went wrong */ }
    }
}

sealed record Container(string Id, EndpointPlan Endpoint, string Address)
{
    public string Path => Endpoint.SandboxPath;
}
