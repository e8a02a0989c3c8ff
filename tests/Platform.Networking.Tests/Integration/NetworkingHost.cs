using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Networking.Addressing;
using Platform.Networking.DataPlane;
using Platform.ServiceDefaults;

namespace Platform.Networking.Tests.Integration;

/// <summary>
/// The networking service as Program.cs builds it, in this process on a free loopback port, against the real
/// PostgreSQL and RabbitMQ — with a recording data plane and no host routes, so no kernel is touched.
/// </summary>
public sealed class NetworkingHost : IAsyncDisposable
{
    readonly WebApplication _app;

    NetworkingHost(WebApplication app, RecordingDataPlane dataPlane, string hostId)
    {
        _app = app;
        DataPlane = dataPlane;
        HostId = hostId;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    public RecordingDataPlane DataPlane { get; }

    static readonly string RunDir = Directory.CreateTempSubdirectory("platform-networking-tests-").FullName;
    public string HostId { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>A fresh journal directory, for a host started more than once over the same state.</summary>
    public static string NewStateDir() => Directory.CreateTempSubdirectory("platform-networking-state-").FullName;

    /// <param name="sandboxes">The sandbox side, when a test drives sandboxes without the kernel.</param>
    /// <param name="settings">Overrides; Networking:StateDir names a journal directory (by default each start gets its own).</param>
    public static async Task<NetworkingHost> StartAsync(
        IReadOnlyDictionary<string, string?> environment, string hostId, RecordingDataPlane? dataPlane = null,
        IReadOnlyDictionary<string, string?>? settings = null, ISandboxDataPlane? sandboxes = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = environment["ConnectionStrings__Postgres"],
            ["ConnectionStrings:RabbitMq"] = environment["ConnectionStrings__RabbitMq"],
            ["Platform:HostId"] = hostId,
            ["Platform:RunDir"] = RunDir, // its namespace pool and sandboxes stay apart from any platform on this machine
            ["Networking:StateDir"] = NewStateDir(),
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var recording = dataPlane ?? new RecordingDataPlane();
        builder.Services.AddSingleton<IHostRoutes>(new NoRoutes());
        builder.AddServiceDefaults(NetworkingModule.ServiceName);
        builder.AddNetworking();
        builder.Services.AddSingleton<INetworkDataPlane>(recording); // after AddNetworking: the last registration wins over the kernel's
        if (sandboxes is not null) builder.Services.AddSingleton(sandboxes);
        var app = builder.Build();
        app.MapNetworking();
        await app.StartAsync();
        return new NetworkingHost(app, recording, hostId);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    sealed class NoRoutes : IHostRoutes
    {
        public IReadOnlyList<Ipv4Subnet> Subnets() => [];
    }
}
