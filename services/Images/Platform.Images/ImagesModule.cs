using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Images.Archives;
using Platform.Images.Committing;
using Platform.Images.Content;
using Platform.Images.Distribution;
using Platform.Images.DockerApi;
using Platform.Images.DockerApi.Committing;
using Platform.Images.Images;
using Platform.Images.Images.Publishing;
using Platform.Images.Rootfs;
using Platform.Images.Snapshots;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.DockerApi;
using Platform.ServiceDefaults.Rails.Bus;
using Platform.ServiceDefaults.Rails.IntegrationEvents;
using Platform.ServiceDefaults.Rails.Marten;

namespace Platform.Images;

/// <summary>
/// Per host: content store, unpacked layers, image metadata and tags. Rails: the "images" Marten schema (image
/// streams, reference index) publishing through the bus; slices register here, one line each.
/// </summary>
public static class ImagesModule
{
    public const string ServiceName = "images";

    public static IHostApplicationBuilder AddImages(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new ContentStore(sp.GetRequiredService<IOptions<PlatformHostOptions>>().Value.Root));
        builder.AddMartenStore(ServiceName, options => options.AddImageStore())
            .PublishIntegrationEvents<ImagesIntegrationEvents>();
        builder.AddBus(ServiceName, _ => { });
        builder.AddImageWrites();
        builder.AddArchives();
        builder.AddCommitting();
        builder.AddSnapshots();
        builder.AddDistribution();
        builder.AddRootfs();
        builder.AddImagesDockerApi();
        return builder;
    }

    public static WebApplication MapImages(this WebApplication app)
    {
        app.UseDockerApi();
        app.UseRouting(); // after the /v{X.Y} prefix is stripped
        app.MapDefaultEndpoints();
        app.MapImagesDockerApi();
        app.MapCommitDockerApi();
        app.MapRootfs();
        app.MapDockerFallback();
        return app;
    }
}
