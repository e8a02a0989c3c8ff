using Microsoft.AspNetCore.Http.Features;
using Platform.Images.Archives.Loading;

namespace Platform.Images.DockerApi.Loading;

/// <summary>
/// POST /images/load?quiet=: docker load. The body is a docker save archive (manifest.json) or an OCI layout,
/// plain or gzip; the answer (Content-Type exactly application/json, which the CLI checks) streams
/// {"stream":"Loaded image: busybox:latest\n"} or {"stream":"Loaded image ID: sha256:…\n"}. The whole archive is
/// checked before anything is stored, so a refusal is a plain {"message"} error and leaves the store as it was.
/// </summary>
public static class LoadImages
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var loader = context.RequestServices.GetRequiredService<ImageLoader>();
        var lines = await loader.LoadAsync(context.Request.Body, cancellationToken);
        return DockerResults.Messages(lines.Select(line => new JsonMessage(Stream: line + "\n")));
    }
}
