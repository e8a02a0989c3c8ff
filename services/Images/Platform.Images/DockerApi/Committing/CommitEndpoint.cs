using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Images.Committing;
using Platform.Images.Images;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Images.DockerApi.Committing;

/// <summary>The answer of POST /commit: the new image's id.</summary>
public sealed record CommitResponse(string Id);

/// <summary>
/// POST /commit?container=&amp;repo=&amp;tag=&amp;comment=&amp;author=&amp;pause=&amp;changes=…: docker commit. The body is
/// an optional container config (JSON object, or null/empty for the container's own); the answer is 201 {"Id"}.
/// </summary>
public static class CommitEndpoint
{
    public static WebApplication MapCommitDockerApi(this WebApplication app)
    {
        app.MapPost("/commit", HandleAsync);
        return app;
    }

    static async Task HandleAsync(HttpContext context)
    {
        try
        {
            var request = context.Request;
            var command = new CommitContainer(request.Value("container"), RepositoryTag.Parse(request.Value("repo"), request.Value("tag")),
                request.Value("comment"), request.Value("author"), request.Flag("pause", absent: true), request.Values("changes"),
                await ConfigAsync(request, context.RequestAborted));
            var id = await context.RequestServices.GetRequiredService<ContainerCommitter>().CommitAsync(command, context.RequestAborted);
            await DockerResults.Json(new CommitResponse(id), ImagesJson.Relaxed.CommitResponse, StatusCodes.Status201Created).ExecuteAsync(context);
        }
        catch (ImageError error)
        {
            await DockerErrors.WriteAsync(context, error.Status, error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommitEndpoint)).LogError(error, "commit failed");
            await DockerErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, error.Message);
        }
    }

    static async Task<JsonObject?> ConfigAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken);
        if (text.Trim() is "" or "null") return null;
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw ImageError.BadRequest("invalid container config: not a JSON object");
        }
        catch (JsonException error)
        {
            throw ImageError.BadRequest($"invalid container config: {error.Message}");
        }
    }
}
