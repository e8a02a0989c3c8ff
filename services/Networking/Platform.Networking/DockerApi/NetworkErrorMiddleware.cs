using Platform.Networking.Networks;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.DockerApi;

/// <summary>
/// A refused decision becomes Docker's {"message"} with its status, on the Docker and the internal routes alike; any
/// other failure is a 500 with the same body, so clients print the reason.
/// </summary>
public sealed class NetworkErrorMiddleware(RequestDelegate next, ILogger<NetworkErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (NetworkError error) when (!context.Response.HasStarted)
        {
            await DockerErrors.WriteAsync(context, error.Status, error.Message);
        }
        catch (Ports.PortError error) when (!context.Response.HasStarted)
        {
            await DockerErrors.WriteAsync(context, error.Status, error.Message);
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not (OperationCanceledException or DockerApiException))
        {
            logger.LogError(error, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await DockerErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, error.Message);
        }
    }
}
