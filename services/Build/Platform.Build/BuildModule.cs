using Platform.ServiceDefaults.Rails.Bus;
using Platform.ServiceDefaults.Rails.Marten;

namespace Platform.Build;

/// <summary>
/// Per host: builds and the build cache. So far only its rails: the "build" Marten schema and the bus. Slices
/// (POST /build, build steps) register here, one line each.
/// </summary>
public static class BuildModule
{
    public const string ServiceName = "build";

    public static IHostApplicationBuilder AddBuild(this IHostApplicationBuilder builder)
    {
        builder.AddMartenStore(ServiceName, _ => { });
        builder.AddBus(ServiceName, _ => { });
        return builder;
    }
}
