using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Images.Images.Removing;
using Platform.Images.Images.Writing;

namespace Platform.Images.Images;

public static class ImagesServices
{
    /// <summary>The locked writer every change goes through, and the container-usage hook (none until the runtime tells).</summary>
    public static IHostApplicationBuilder AddImageWrites(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImageWriter>();
        builder.Services.TryAddSingleton<IImageUsage, NoContainerUsage>();
        return builder;
    }
}
