using Microsoft.Extensions.Options;
using Platform.Images.Snapshots.Store;
using Platform.ServiceDefaults;

namespace Platform.Images.Snapshots;

/// <summary>
/// Registers the host's <see cref="SnapshotStore"/> under <c>{Platform:Root}/images/snapshots</c>. The driver comes from
/// <c>Images:SnapshotDriver</c> (overlay | vfs) or, when unset, from a probe mount made once at startup.
/// </summary>
public static class SnapshotsModule
{
    public const string DriverKey = "Images:SnapshotDriver";

    public static IHostApplicationBuilder AddSnapshots(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new SnapshotStore(
            sp.GetRequiredService<IOptions<PlatformHostOptions>>().Value.Root,
            builder.Configuration[DriverKey] is { Length: > 0 } driver ? driver : null));
        builder.Services.AddHostedService<ProbeSnapshotDriverOnStartup>();
        return builder;
    }

    /// <summary>Creates the store (and so runs the overlay probe) before the first request needs it.</summary>
    sealed class ProbeSnapshotDriverOnStartup(IServiceProvider services, ILogger<SnapshotStore> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            var store = services.GetRequiredService<SnapshotStore>();
            logger.LogInformation("Snapshots in {Directory}: driver {Driver} ({Reason})",
                store.SnapshotsDirectory, store.Driver, store.DriverReason);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
