using Platform.ServiceDefaults.Rails.Bus;
using Platform.ServiceDefaults.Rails.Marten;

namespace Platform.Images;

/// <summary>
/// Per host: content store, unpacked layers, image metadata and tags. So far only its rails: the "images" Marten
/// schema and the bus. Slices (pull, tag, prepare a root filesystem for runtime) register here, one line each.
/// </summary>
public static class ImagesModule
{
    public const string ServiceName = "images";

    public static IHostApplicationBuilder AddImages(this IHostApplicationBuilder builder)
    {
        builder.AddMartenStore(ServiceName, _ => { });
        builder.AddBus(ServiceName, _ => { });
        return builder;
    }
}
