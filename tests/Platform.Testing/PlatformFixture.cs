using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// The whole platform, booted once for all end-to-end tests: every service and the gateway as real processes
/// against the real PostgreSQL and RabbitMQ, the runtime as its Native AOT executable when it was published.
/// A fresh host id and root per run, so runs never see each other's state. Every test project that drives the
/// platform boots it once through this fixture; on dispose it removes what the tests left and fails the run if
/// the engine leaked (see <see cref="EngineLeaks"/>).
/// </summary>
public sealed partial class PlatformFixture : IAsyncLifetime
{
    readonly List<ServiceProcess> _services = [];
    readonly Infrastructure? _privateInfrastructure;

    /// <summary>On the test run's shared PostgreSQL and RabbitMQ (a database and vhost of its own).</summary>
    public PlatformFixture()
    {
    }

    PlatformFixture(Infrastructure infrastructure) => _privateInfrastructure = infrastructure;

    /// <summary>
    /// A platform on servers of its own, for tests that stop PostgreSQL or RabbitMQ under it
    /// (<see cref="Infrastructure.StartPrivateAsync"/>); the caller brings the servers down after disposing it.
    /// </summary>
    public static PlatformFixture OnPrivate(Infrastructure infrastructure) => new(infrastructure);

    /// <summary>The servers this platform runs on.</summary>
    public Infrastructure Infrastructure { get; private set; } = null!;

    public string HostId { get; } = "e2e-" + Guid.NewGuid().ToString("N")[..12];
    public string Root { get; } = Directory.CreateTempSubdirectory("platform-e2e-root-").FullName;
    public string RunDir { get; } = Directory.CreateTempSubdirectory("platform-e2e-run-").FullName;
    public string SocketPath => Path.Combine(RunDir, "docker.sock");
    public ServiceProcess Gateway { get; private set; } = null!;
    public IReadOnlyDictionary<string, ServiceProcess> Services => _services.ToDictionary(s => s.Options.Name);

    public string DockerHost(string endpoint) => endpoint switch
    {
        "unix" => "unix://" + SocketPath,
        "tcp" => $"tcp://127.0.0.1:{Gateway.Port}",
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };

    /// <summary>HTTP to the gateway's TCP listener.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Gateway.Port}") };

    public async Task<Socket> ConnectAsync(string endpoint)
    {
        if (endpoint == "unix")
        {
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await unix.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
            return unix;
        }
        var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await tcp.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Gateway.Port));
        return tcp;
    }

    public async Task InitializeAsync()
    {
        try { await BootAsync(); }
        catch
        {
            await StopServicesAsync(); // a failed boot must not leave the services that did come up running
            await TestBridges.RemoveAsync(DefaultBridge);
            throw;
        }
    }

    /// <summary>This platform's default bridge: a name from its host id and a /16 no other test platform holds.</summary>
    public string DefaultBridge => "pt" + HostId[^8..];

    public string DefaultBridgeSubnet => $"10.{Claim}.0.0/16";

    /// <summary>
    /// Where this platform draws user networks from (/24s of 10.100–149.0.0/16, paired with its bridge's claim): two
    /// platforms drawing from the same pools at once would both take the first free subnet, with one gateway address
    /// on two bridges (and the second's DNS server unable to bind it).
    /// </summary>
    public string AddressPoolBlock => $"10.{Claim - 100}.0.0/16";

    int Claim => _claim ??= TestSubnets.Claim();

    int? _claim;

    async Task BootAsync()
    {
        var infrastructure = Infrastructure = _privateInfrastructure ?? await Infrastructure.GetAsync();
        var environment = await infrastructure.IsolatedEnvironmentAsync("e2e");
        environment["Platform__HostId"] = HostId;
        environment["Platform__Root"] = Root;
        environment["Platform__RunDir"] = RunDir;
        environment["Platform__Diagnostics"] = "true";
        // runtime and images call each other on this host, so their ports are chosen before either starts.
        var ports = new Dictionary<string, int>
        {
            ["Platform.Runtime"] = ServiceProcess.FreeLoopbackPort(),
            ["Platform.Images"] = ServiceProcess.FreeLoopbackPort(),
            ["Platform.Networking"] = ServiceProcess.FreeLoopbackPort(),
        };
        environment["Platform__RuntimeUrl"] = $"http://127.0.0.1:{ports["Platform.Runtime"]}";
        environment["Platform__ImagesUrl"] = $"http://127.0.0.1:{ports["Platform.Images"]}";
        environment["Platform__NetworkingUrl"] = $"http://127.0.0.1:{ports["Platform.Networking"]}";
        // Test assemblies boot their platforms side by side: each gets its own default bridge and subnet.
        environment["Networking__DefaultBridge__Name"] = DefaultBridge;
        environment["Networking__DefaultBridge__Subnet"] = DefaultBridgeSubnet;
        environment["Networking__AddressPools__0__Base"] = AddressPoolBlock;
        environment["Networking__AddressPools__0__Size"] = "24";
        // a killed run's bridges would shadow ours
        await TestBridges.RemoveHoldingAsync(DefaultBridgeSubnet);
        await TestBridges.RemoveHoldingAsync(AddressPoolBlock);

        string[] projects =
        [
            "services/Runtime/Platform.Runtime", "services/Images/Platform.Images",
            "services/Networking/Platform.Networking", "services/Build/Platform.Build",
            "services/Registry/Platform.Registry", "services/Events/Platform.Events",
        ];
        var starting = projects.Select(p => ServiceProcess.StartAsync(new ServiceProcessOptions
        {
            Project = p,
            Executable = p.EndsWith("Runtime", StringComparison.Ordinal) ? PublishedRuntime() : null,
            Environment = environment,
            WaitForReady = true,
            StartTimeout = TimeSpan.FromMinutes(3), // six services generating their code at once on two cores
            Port = ports.TryGetValue(Path.GetFileName(p), out var port) ? port : null,
        })).ToList();
        try { await Task.WhenAll(starting); }
        finally { _services.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result)); }

        var gateway = new Dictionary<string, string?>
        {
            ["Gateway__Socket"] = SocketPath,
            ["Gateway__RegistryPort"] = "0",
        };
        foreach (var service in _services)
            gateway[$"ReverseProxy__Clusters__{ClusterOf(service)}__Destinations__primary__Address"] = service.BaseAddress.ToString();
        Gateway = await ServiceProcess.StartAsync(new ServiceProcessOptions
        {
            Project = "gateway/Platform.Gateway",
            Environment = gateway,
            PortVariable = "Gateway__TcpPort",
            HealthPath = "/_ping",
        });
        await ImportBusyboxAsync();
    }

    /// <summary>The base image of the container tests: Debian's static busybox as busybox:latest, imported once.</summary>
    public const string Busybox = "busybox:latest";

    async Task ImportBusyboxAsync()
    {
        var tar = await BusyboxRootfs.TarAsync();
        var result = await DockerCli.RunAsync(DockerHost("unix"), ["import", "--change", "CMD [\"sh\"]", tar, Busybox]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"docker import of busybox failed: {result}");
    }

    static string ClusterOf(ServiceProcess service) => service.Options.Name["Platform.".Length..].ToLowerInvariant();

    /// <summary>deploy/test.sh publishes the runtime with Native AOT; without it, the JIT build runs.</summary>
    static string? PublishedRuntime()
    {
        var native = RepositoryRoot.Combine($"artifacts/{ServiceProcessOptions.Configuration}/runtime/Platform.Runtime");
        return File.Exists(native) ? native : null;
    }
}
