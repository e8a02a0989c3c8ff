using Platform.Images.DockerApi.Creating;
using Platform.Images.DockerApi.Distribution;
using Platform.Images.DockerApi.History;
using Platform.Images.DockerApi.Inspecting;
using Platform.Images.DockerApi.Listing;
using Platform.Images.DockerApi.Loading;
using Platform.Images.DockerApi.Pruning;
using Platform.Images.DockerApi.Removing;
using Platform.Images.DockerApi.Saving;
using Platform.Images.DockerApi.Tagging;
using Platform.Images.Images;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Images.DockerApi;

/// <summary>
/// Every /images route (the version prefix already stripped). Names contain unescaped "/", ":" and "@", so one
/// catch-all route is matched by <see cref="ImageRoute"/> and dispatched here; refusals become Docker's
/// {"message"} with their status, or abort the connection when a streamed body had already started.
/// </summary>
public static class ImagesEndpoint
{
    public static WebApplication MapImagesDockerApi(this WebApplication app)
    {
        app.MapMethods("/images/{**path}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete], HandleAsync);
        return app;
    }

    static async Task HandleAsync(HttpContext context, string? path)
    {
        if (ImageRoute.Match(context.Request.Method, path ?? "") is not { } route)
        {
            await DockerErrors.WriteAsync(context, StatusCodes.Status404NotFound, "page not found");
            return;
        }
        try
        {
            var result = await DispatchAsync(context, route, context.RequestAborted);
            await result.ExecuteAsync(context);
        }
        catch (ImageError error) when (!context.Response.HasStarted)
        {
            await DockerErrors.WriteAsync(context, error.Status, error.Message);
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ImagesEndpoint))
                .LogError(error, "{Method} /images/{Path} failed", context.Request.Method, path);
            await DockerErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, error.Message);
        }
        catch (Exception) when (context.Response.HasStarted)
        {
            context.Abort(); // a torn tar must not look complete
            throw;
        }
    }

    static Task<IResult> DispatchAsync(HttpContext context, ImageRoute route, CancellationToken cancellationToken) => route.Operation switch
    {
        ImageOperation.List => ListImages.HandleAsync(context, cancellationToken),
        ImageOperation.Inspect => InspectImage.HandleAsync(context, route.Name!, cancellationToken),
        ImageOperation.History => ImageHistory.HandleAsync(context, route.Name!, cancellationToken),
        ImageOperation.Tag => TagImageEndpoint.HandleAsync(context, route.Name!, cancellationToken),
        ImageOperation.Remove => RemoveImageEndpoint.HandleAsync(context, route.Name!, cancellationToken),
        ImageOperation.Prune => PruneImagesEndpoint.HandleAsync(context, cancellationToken),
        ImageOperation.Create => CreateImage.HandleAsync(context, cancellationToken),
        ImageOperation.Load => LoadImages.HandleAsync(context, cancellationToken),
        ImageOperation.SaveMany => SaveImages.HandleAsync(context, context.Request.Values("names"), cancellationToken),
        ImageOperation.SaveOne => SaveImages.HandleAsync(context, [route.Name!], cancellationToken),
        ImageOperation.Push => PushImage.HandleAsync(context, route.Name!, cancellationToken),
        ImageOperation.Search => Task.FromResult(DockerErrors.Result(StatusCodes.Status501NotImplemented, "searching a registry is not available yet on this platform")),
        _ => Task.FromResult(DockerErrors.NotFound("page not found")),
    };
}
