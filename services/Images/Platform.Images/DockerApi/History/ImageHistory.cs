using Platform.Images.DockerApi.Inspecting;

namespace Platform.Images.DockerApi.History;

/// <summary>
/// GET /images/{name}/history: docker history. The config's history newest first; each entry that made a layer gets
/// that layer's size; the newest entry carries the image id and its tags, older ones "&lt;missing&gt;" (no parents here).
/// </summary>
public static class ImageHistory
{
    public static async Task<IResult> HandleAsync(HttpContext context, string name, CancellationToken cancellationToken)
    {
        var image = await context.ResolveAsync(name, cancellationToken);
        var config = await InspectImage.ReadConfigAsync(context, image, cancellationToken);
        var sizes = image.Content.Layers.ToDictionary(l => l.DiffId, l => l.DiffSize);
        var items = new List<HistoryItem>();
        var layer = 0;
        foreach (var entry in config.History)
        {
            long size = 0;
            if (!entry.EmptyLayer)
            {
                if (layer >= config.DiffIds.Count) throw Images.ImageError.Internal("too many non-empty layers in History section");
                size = sizes.GetValueOrDefault(config.DiffIds[layer++]);
            }
            items.Insert(0, new HistoryItem(entry.Comment, entry.Created?.ToUnixTimeSeconds() ?? 0, entry.CreatedBy, "<missing>", size, null));
        }
        if (items.Count > 0)
        {
            var tags = image.ParsedReferences().Where(r => !r.IsCanonical).Select(r => r.Familiar).ToList();
            items[0] = items[0] with { Id = image.ImageId, Tags = tags.Count > 0 ? tags : null };
        }
        return DockerResults.Json(items, ImagesJson.Relaxed.ListHistoryItem);
    }
}
