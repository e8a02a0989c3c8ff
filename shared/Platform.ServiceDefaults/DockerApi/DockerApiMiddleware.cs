using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.DockerApi;

/// <summary>
/// Serves Docker routes with and without the /v{X.Y} prefix: the prefix is checked against the supported
/// range and stripped, so handlers are registered once. Adds the headers every Docker response carries.
/// </summary>
public sealed class DockerApiMiddleware(RequestDelegate next)
{
    public const string VersionItem = "docker.api-version";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["Api-Version"] = DockerApiVersion.MaxText;
        headers["Docker-Experimental"] = "false";
        headers["Ostype"] = "linux";
        headers.Server = DockerApiVersion.ServerHeader;

        var path = context.Request.Path.Value ?? "";
        if (TrySplitVersion(path, out var versionText, out var rest))
        {
            if (!DockerApiVersion.TryParse(versionText, out var version))
                return DockerErrors.WriteAsync(context, 400, $"invalid API version: {versionText}");
            if (version < DockerApiVersion.Min)
                return DockerErrors.WriteAsync(context, 400,
                    $"client version {versionText} is too old. Minimum supported API version is {DockerApiVersion.MinText}, please upgrade your client to a newer version");
            if (version > DockerApiVersion.Max)
                return DockerErrors.WriteAsync(context, 400,
                    $"client version {versionText} is too new. Maximum supported API version is {DockerApiVersion.MaxText}");
            context.Items[VersionItem] = version;
            context.Request.PathBase = context.Request.PathBase.Add(new PathString("/v" + versionText));
            context.Request.Path = new PathString(rest);
        }
        else
        {
            context.Items[VersionItem] = DockerApiVersion.Max;
        }
        return InvokeNextAsync(context);
    }

    /// <summary>
    /// A <see cref="DockerApiException"/> (or another <see cref="IDockerApiError"/>) thrown before the response started
    /// becomes Docker's error body; anything else is logged and answered as the daemon answers its own failures: a 500
    /// with the message in Docker's error body (the CLI prints it; an empty 500 reads to it as "check if the server
    /// supports the requested API version").
    /// </summary>
    async Task InvokeNextAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (DockerApiException error) when (!context.Response.HasStarted)
        {
            if (error.StatusCode == StatusCodes.Status304NotModified) context.Response.StatusCode = error.StatusCode;
            else await DockerErrors.WriteAsync(context, error.StatusCode, error.Message);
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            var status = error is IDockerApiError known ? known.StatusCode : StatusCodes.Status500InternalServerError;
            if (status >= StatusCodes.Status500InternalServerError)
                context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger<DockerApiMiddleware>()
                    .LogError(error, "{Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
            await DockerErrors.WriteAsync(context, status, error.Message);
        }
    }

    /// <summary>"/v1.51/containers/json" → ("1.51", "/containers/json"). Digits and dots only, as moby matches.</summary>
    public static bool TrySplitVersion(string path, out string version, out string rest)
    {
        version = rest = "";
        if (path.Length < 3 || path[0] != '/' || path[1] != 'v' || !char.IsAsciiDigit(path[2])) return false;
        var end = path.IndexOf('/', 2);
        var segment = end < 0 ? path[2..] : path[2..end];
        if (segment.Any(c => c != '.' && !char.IsAsciiDigit(c))) return false;
        version = segment;
        rest = end < 0 ? "/" : path[end..];
        return true;
    }

    /// <summary>The negotiated API version of this request (the maximum when the path had no prefix).</summary>
    public static Version RequestVersion(HttpContext context) =>
        context.Items[VersionItem] as Version ?? DockerApiVersion.Max;
}

public static class DockerApiMiddlewareExtensions
{
    /// <summary>Call before UseRouting, so the stripped path is what routing matches.</summary>
    public static IApplicationBuilder UseDockerApi(this IApplicationBuilder app) => app.UseMiddleware<DockerApiMiddleware>();

    /// <summary>Docker answers every unknown path or method with 404 {"message":"page not found"}.</summary>
    public static WebApplication MapDockerFallback(this WebApplication app)
    {
        app.MapFallback(context => DockerErrors.WriteAsync(context, StatusCodes.Status404NotFound, "page not found"));
        return app;
    }
}
