using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.DockerApi;

/// <summary>Docker's error body: {"message": …} with Content-Type exactly application/json.</summary>
public static class DockerErrors
{
    public const string JsonContentType = "application/json";

    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        var body = Serialize(message);
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static byte[] Serialize(string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>A typed result for minimal API handlers.</summary>
    public static IResult Result(int status, string message) => new DockerErrorResult(status, message);

    public static IResult NotFound(string message) => Result(StatusCodes.Status404NotFound, message);
    public static IResult BadRequest(string message) => Result(StatusCodes.Status400BadRequest, message);
    public static IResult Conflict(string message) => Result(StatusCodes.Status409Conflict, message);

    sealed class DockerErrorResult(int status, string message) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, message);
    }
}
