using Platform.Runtime.Volumes.Creating;
using Platform.Runtime.Volumes.Inspecting;
using Platform.Runtime.Volumes.Listing;
using Platform.Runtime.Volumes.Local;
using Platform.Runtime.Volumes.Pruning;
using Platform.Runtime.Volumes.Removing;
using Platform.Runtime.Volumes.Usage;

namespace Platform.Runtime.Volumes;

public static class VolumesModule
{
    public static WebApplicationBuilder AddVolumes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VolumeUsage>();
        builder.Services.AddSingleton<LocalVolumeMounts>();
        builder.Services.AddSingleton<VolumeStore>();
        builder.Services.AddSingleton<VolumePruner>();
        builder.Services.AddSingleton<VolumeDiskUsage>();
        builder.Services.AddHostedService<RestoreVolumes>();
        return builder;
    }

    /// <summary>Docker's /volumes routes; the /v{X.Y} prefix is stripped before routing.</summary>
    public static WebApplication MapVolumes(this WebApplication app)
    {
        app.MapCreateVolume();
        app.MapListVolumes();
        app.MapInspectVolume();
        app.MapRemoveVolume();
        app.MapPruneVolumes();
        return app;
    }
}
