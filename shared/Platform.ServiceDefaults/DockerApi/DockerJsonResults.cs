using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.DockerApi;

/// <summary>
/// Results with Docker's exact framing: Content-Type exactly application/json (the Go client parses nothing else),
/// Content-Length, and a newline after a JSON body, as moby writes it.
/// </summary>
public static class DockerJsonResults
{
    public static IResult Json<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        Bytes([.. JsonSerializer.SerializeToUtf8Bytes(value, type), (byte)'\n'], status);

    /// <summary>A body already serialised; no Content-Type when <paramref name="contentType"/> is null.</summary>
    public static IResult Bytes(byte[] body, int status, string? contentType = DockerErrors.JsonContentType) =>
        new BytesResult(body, status, contentType);

    sealed class BytesResult(byte[] body, int status, string? contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (contentType is not null) context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            if (body.Length > 0) await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
