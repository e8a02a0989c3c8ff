using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Progress;
using Platform.Images.Images;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Images.DockerApi.Distribution;

/// <summary>
/// What pull and push share: the credentials of <c>X-Registry-Auth</c>, a progress stream that starts the response
/// (200, <c>application/json</c>, chunked) only at its first message, and Docker's two error forms — an HTTP status
/// with {"message"} while nothing was written (404 unknown manifest, 401 so the CLI re-prompts), an in-stream
/// errorDetail after.
/// </summary>
public static class RegistryStreams
{
    public static RegistryCredentials Credentials(HttpRequest request) =>
        RegistryAuthHeader.Decode(request.Headers[RegistryAuthHeader.HeaderName].ToString());

    public static StreamProgressWriter Open(HttpContext context) => new(context.Response.Body, () =>
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = DockerErrors.JsonContentType;
        return ValueTask.CompletedTask;
    });

    /// <summary>Runs <paramref name="work"/>; failures become Docker's answer for the state the stream is in.</summary>
    public static async Task<IResult> RunAsync(HttpContext context, StreamProgressWriter progress, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (RegistryException error) when (!progress.Started)
        {
            throw new ImageError(error.StatusCode, error.Message);
        }
        catch (Exception error) when (progress.Started && error is not OperationCanceledException)
        {
            if (error is not RegistryException and not ImageError)
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RegistryStreams))
                    .LogError(error, "{Method} {Path} failed after its stream started", context.Request.Method, context.Request.Path);
            await progress.WriteErrorAsync(error.Message, context.RequestAborted);
        }
        return Streamed.Instance;
    }

    /// <summary>The body was written by the progress stream; an empty stream still answers 200 application/json.</summary>
    sealed class Streamed : IResult
    {
        public static Streamed Instance { get; } = new();

        public Task ExecuteAsync(HttpContext context)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = DockerErrors.JsonContentType;
            }
            return Task.CompletedTask;
        }
    }
}
