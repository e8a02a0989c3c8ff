using Microsoft.AspNetCore.Http.Features;
using Platform.Images.Archives.Importing;
using Platform.Images.DockerApi.Distribution;
using Platform.Images.Images;
using Platform.Images.Images.Format;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Images.DockerApi.Creating;

/// <summary>
/// POST /images/create. With fromSrc=- it is docker import: the body is a root filesystem tar (plain or gzip), repo
/// and tag name it (repo may carry the tag), message is the comment, each changes= is a Dockerfile instruction, and
/// the answer is a JSON stream ending with {"status":"sha256:…"}. With fromImage it is a pull (<see cref="PullImage"/>).
/// </summary>
public static class CreateImage
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.Value("fromImage").Length > 0) return await PullImage.HandleAsync(context, cancellationToken);

        var source = request.Value("fromSrc");
        if (source != "-")
            return DockerErrors.Result(StatusCodes.Status501NotImplemented,
                source.Length == 0 ? "fromImage or fromSrc is required" : "importing from a URL is not supported: send the tar as the request body with fromSrc=-");

        var tag = RepositoryTag.Parse(request.Value("repo"), request.Value("tag"));
        var message = request.Value("message") is { Length: > 0 } given ? given : "Imported from " + source;
        var command = new ImportImage(source, tag, message, request.Values("changes"), Platform(request.Value("platform")));

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var importer = context.RequestServices.GetRequiredService<ImageImporter>();
        var id = await importer.ImportAsync(command, request.Body, cancellationToken);
        return DockerResults.Messages([new JsonMessage(Status: id)]);
    }

    /// <summary>"os[/arch[/variant]]"; only Linux images run here.</summary>
    static ImportPlatform Platform(string text)
    {
        if (text.Length == 0) return ImportPlatform.Host;
        var parts = text.ToLowerInvariant().Split('/');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0)) throw ImageError.BadRequest($"\"{text}\": unknown operating system or architecture: invalid argument");
        if (parts[0] != HostPlatform.Os) throw ImageError.BadRequest("operating system is not supported");
        return new ImportPlatform(parts[0], parts.Length > 1 ? parts[1] : HostPlatform.Architecture, parts.Length > 2 ? parts[2] : null);
    }
}
