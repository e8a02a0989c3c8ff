using System.Text.Json;
using Platform.Images.DockerApi;
using Platform.Images.Images;
using Platform.Images.Images.Resolving;
using Platform.Images.Snapshots.Store;

namespace Platform.Images.Rootfs.Preparing;

/// <summary>
/// POST /_platform/images/prepare {"image": name}: the hot path of docker run. The name resolves exactly as
/// GET /images/{name}/json resolves it (404 "No such image: busybox:latest"); the layers are unpacked if they are
/// not yet; the answer is the plan runtime mounts and the config it creates the container from. Warm, it touches no
/// database: resolutions and configs are cached in memory (see <see cref="ResolutionCache"/>), so it keeps working
/// while the database is away.
/// </summary>
public static class PrepareRootfs
{
    public const string Route = "/_platform/images/prepare";

    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var name = await ReadNameAsync(context, cancellationToken);
        var services = context.RequestServices;
        var resolved = await services.GetRequiredService<ResolutionCache>().ResolveAsync(context.Query(), name, cancellationToken);
        var config = await services.GetRequiredService<RunConfigCache>().GetAsync(resolved.Image, cancellationToken);
        var plan = await services.GetRequiredService<RootfsPreparer>().PrepareAsync(resolved.Image, cancellationToken);
        return DockerResults.Json(new PreparedImage(resolved.Image.ImageId, resolved.Reference?.ToString(), ToJson(plan),
            config.Config, config.Os, config.Architecture), RootfsJson.Relaxed.PreparedImage);
    }

    static PlanJson ToJson(RootfsPlan plan) =>
        new(plan.Driver, plan.ChainId?.ToString(), plan.LowerDirs, plan.VfsDir, plan.SnapshotsDir);

    static async Task<string> ReadNameAsync(HttpContext context, CancellationToken cancellationToken)
    {
        PrepareRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, RootfsJson.Relaxed.PrepareRequest, cancellationToken);
        }
        catch (JsonException error)
        {
            throw ImageError.BadRequest($"invalid JSON body: {error.Message}");
        }
        if (request?.Image is not { } name || name.Trim().Length == 0) throw ImageError.BadRequest("image name cannot be blank");
        return name;
    }
}
