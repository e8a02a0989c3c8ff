using Platform.Images.Content;
using Platform.Images.Images;
using Platform.Images.Images.Format;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Images.DockerApi.Inspecting;

/// <summary>
/// GET /images/{name}/json: docker image inspect. 404 "No such image: busybox:latest" when the name resolves to
/// nothing — Testcontainers decides whether to pull from exactly that.
/// </summary>
public static class InspectImage
{
    public static async Task<IResult> HandleAsync(HttpContext context, string name, CancellationToken cancellationToken)
    {
        var image = await context.ResolveAsync(name, cancellationToken);
        var config = await ReadConfigAsync(context, image, cancellationToken);
        var references = image.ParsedReferences();
        return DockerResults.Json(new ImageInspect(
            image.ImageId,
            references.Where(r => !r.IsCanonical).Select(r => r.Familiar).ToList(),
            references.Where(r => r.IsCanonical).Select(r => r.Familiar).ToList(),
            Parent: "",
            config.Comment,
            GoTime.Normalize(config.CreatedText),
            config.DockerVersion,
            config.Author,
            InspectConfig.Build(config.Config, DockerApiMiddleware.RequestVersion(context)),
            config.Architecture.Length > 0 ? config.Architecture : image.Content.Architecture,
            config.Variant,
            config.Os.Length > 0 ? config.Os : image.Content.Os,
            config.OsVersion,
            image.Content.Size,
            new GraphDriverData(new Dictionary<string, string>(), "overlay2"),
            new RootFs("layers", config.DiffIds),
            new ImageMetadata(image.LastTagTime is { } tagged ? GoTime.Rfc3339Nano(tagged) : GoTime.ZeroTime)), ImagesJson.Relaxed.ImageInspect);
    }

    /// <summary>The image's config blob, parsed; a missing or unreadable config is a 500 (the store is damaged).</summary>
    public static async Task<ImageConfigFile> ReadConfigAsync(HttpContext context, Image image, CancellationToken cancellationToken)
    {
        var store = context.RequestServices.GetRequiredService<ContentStore>();
        var path = store.PathOf(Digest.Parse(image.ImageId));
        if (!File.Exists(path)) throw ImageError.Internal($"the config {image.ImageId} is missing from the content store");
        try
        {
            return ImageConfigFile.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
        }
        catch (FormatException error)
        {
            throw ImageError.Internal($"the config {image.ImageId} cannot be read: {error.Message}");
        }
    }
}
