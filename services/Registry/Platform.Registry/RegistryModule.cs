using Platform.ServiceDefaults.Rails.Bus;
using Platform.ServiceDefaults.Rails.Marten;

namespace Platform.Registry;

/// <summary>
/// Per cluster: repositories, blobs, manifests, tags, users and tokens. So far only its rails: the "registry"
/// Marten schema and the bus. Slices (the OCI /v2/ API, the platform API) register here, one line each.
/// </summary>
public static class RegistryModule
{
    public const string ServiceName = "registry";

    public static IHostApplicationBuilder AddRegistry(this IHostApplicationBuilder builder)
    {
        builder.AddMartenStore(ServiceName, _ => { });
        builder.AddBus(ServiceName, _ => { });
        return builder;
    }
}
