using Platform.Images.Archives.Importing;
using Platform.Images.Archives.Loading;
using Platform.Images.Archives.Saving;
using Platform.Images.Archives.Staging;

namespace Platform.Images.Archives;

public static class ArchivesModule
{
    /// <summary>docker import, load and save, and the cleanup of staging left by a crash.</summary>
    public static IHostApplicationBuilder AddArchives(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StagingCleanup>();
        builder.Services.AddSingleton<ImageImporter>();
        builder.Services.AddSingleton<ImageLoader>();
        builder.Services.AddSingleton<ImageSaver>();
        return builder;
    }
}
