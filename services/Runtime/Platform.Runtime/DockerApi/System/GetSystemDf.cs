using System.Text.Json.Nodes;
using Platform.Runtime.Containers;
using Platform.Runtime.Containers.Listing;
using Platform.Runtime.Volumes.Usage;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.DockerApi.System;

/// <summary>
/// GET /system/df[?type=container|image|volume|build-cache…]: what docker system df counts. Images count the containers
/// created from them on this host; layers are not shared-accounted yet (SharedSize 0, LayersSize the sum of sizes).
/// Build cache belongs to the build service and is reported empty here.
/// </summary>
public static class SystemDfEndpoint
{
    static readonly string[] Types = ["container", "image", "volume", "build-cache"];

    public static void MapSystemDf(this WebApplication app) =>
        app.MapGet("/system/df", async (HttpRequest request, ContainerStore store, ContainerSizes sizes, HostImages images,
            VolumeDiskUsage volumes, TimeProvider time, CancellationToken ct) =>
        {
            var asked = request.Values("type");
            foreach (var type in asked.Where(t => !Types.Contains(t)))
                throw DockerApiException.BadRequest($"invalid type: {type}");
            bool Wants(string type) => asked.Count == 0 || asked.Contains(type);

            var containers = store.All.OrderByDescending(c => c.Created).ToList();
            var now = time.GetUtcNow();
            var imageList = Wants("image") ? await ImagesWithUsage(images, containers, ct) : null;
            var usage = new SystemDiskUsage(
                imageList?.Sum(i => i["Size"]?.GetValue<long>() ?? 0) ?? 0,
                imageList,
                Wants("container") ? [.. containers.Select(c => ListContainersEndpoint.Summary(c, now, sizes))] : null,
                Wants("volume") ? await volumes.MeasureAsync(ct) : null,
                Wants("build-cache") ? [] : null);
            return DockerJsonResults.Json(usage, DockerJson.Default.SystemDiskUsage);
        });

    static async Task<IReadOnlyList<JsonObject>> ImagesWithUsage(HostImages images, IReadOnlyList<Containers.Model.Container> containers, CancellationToken ct)
    {
        var list = await images.ListAsync(ct) ?? [];
        foreach (var image in list)
        {
            var id = image["Id"]?.GetValue<string>();
            image["Containers"] = containers.Count(c => c.ImageId == id);
            image["SharedSize"] = 0;
        }
        return list;
    }
}
