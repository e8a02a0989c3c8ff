using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.DockerApi;

/// <summary>A request that cannot be served, with the status and message Docker gives (error table in docker-api.md §3).</summary>
public sealed class DockerApiException(int statusCode, string message) : Exception(message), IDockerApiError
{
    public int StatusCode { get; } = statusCode;

    public static DockerApiException NotFound(string message) => new(StatusCodes.Status404NotFound, message);
    public static DockerApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
    public static DockerApiException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
    public static DockerApiException NotModified() => new(StatusCodes.Status304NotModified, "");
    public static DockerApiException Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);
}

/// <summary>An exception of a service's own layer that carries the Docker status it is answered with.</summary>
public interface IDockerApiError
{
    int StatusCode { get; }
}
