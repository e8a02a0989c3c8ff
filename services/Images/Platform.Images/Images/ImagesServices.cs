using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Images.Images.Collecting;
using Platform.Images.Images.Removing;
using Platform.Images.Images.Resolving;
using Platform.Images.Images.Writing;

namespace Platform.Images.Images;

public static class ImagesServices
{
    /// <summary>
    /// The locked writer every change goes through, and the container-usage hook: the runtime at
    /// <c>Platform:RuntimeUrl</c> (http://host:port, or unix:///path/to.sock) when set, otherwise none; the collector
    /// that frees deleted images' content, and its startup sweep.
    /// </summary>
    public static IHostApplicationBuilder AddImageWrites(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResolutionCache>();
        builder.Services.AddHostedService<WarmResolutionsOnStartup>();
        builder.Services.AddSingleton<ImageWriter>();
        builder.Services.AddSingleton<ImageCollector>();
        builder.Services.AddHostedService<SweepOnStartup>();
        if (builder.Configuration[RuntimeContainerUsage.RuntimeUrlKey] is { Length: > 0 } runtimeUrl)
            builder.Services.TryAddSingleton<IImageUsage>(new RuntimeContainerUsage(RuntimeClient.For(runtimeUrl)));
        else
            builder.Services.TryAddSingleton<IImageUsage, NoContainerUsage>(); // images alone: no runtime, so no containers
        return builder;
    }
}
