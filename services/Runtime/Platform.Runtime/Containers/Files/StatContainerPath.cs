using Platform.Runtime.Containers.Files.Resolving;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Files;

/// <summary>
/// HEAD /containers/{id}/archive?path=: the stat header only. The last element is not followed (a symlink is reported
/// as one, with linkTarget its fully resolved container path) unless the path ends in "/" or "/.".
/// </summary>
public static class StatContainerPath
{
    public static void MapStatContainerPath(this IEndpointRouteBuilder app) =>
        app.MapMethods("/containers/{id}/archive", ["HEAD"], async (string id, HttpRequest request, HttpResponse response, ContainerFiles files, CancellationToken ct) =>
        {
            var path = RequestedPath(request);
            var (_, fs) = await files.OpenAsync(id, ct);
            using (fs) response.Headers[PathStat.Header] = Stat(fs, path, id).Stat.Encoded();
            return Results.Ok();
        });

    public static string RequestedPath(HttpRequest request) =>
        request.Value("path") is { Length: > 0 } path ? path : throw DockerApiException.BadRequest("bad parameter: path cannot be empty");

    /// <summary>The path as the archive routes see it, or moby's 404 "Could not find the file … in container …".</summary>
    public static (ResolvedPath Path, PathStat Stat) Stat(ContainerFileSystem fs, string requested, string reference)
    {
        var resolved = fs.Resolve(requested, ContainerPaths.FollowsLast(requested));
        var stat = fs.Stat(resolved) ?? throw NotFound(requested, reference);
        var linkTarget = stat.IsSymlink ? fs.Resolve(resolved.Path, followLast: true).Path : "";
        return (resolved, PathStat.Of(ContainerPaths.BaseName(requested), stat, linkTarget));
    }

    public static DockerApiException NotFound(string requested, string reference) =>
        DockerApiException.NotFound($"Could not find the file {requested} in container {reference}");
}
