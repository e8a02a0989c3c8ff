using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Images.Distribution.Pulling;
using Platform.Images.Distribution.Pushing;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution;

/// <summary>Registers the registry client, puller and pusher (they need a <see cref="Content.ContentStore"/> singleton).</summary>
public static class DistributionModule
{
    public static IHostApplicationBuilder AddDistribution(this IHostApplicationBuilder builder)
    {
        var options = new DistributionOptions();
        builder.Configuration.GetSection(DistributionOptions.Section).Bind(options);
        builder.Services.TryAddSingleton(options);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new RegistryClient(sp.GetRequiredService<DistributionOptions>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton<ImagePuller>();
        builder.Services.TryAddSingleton<ImagePusher>();
        return builder;
    }
}
