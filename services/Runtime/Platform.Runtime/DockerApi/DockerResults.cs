using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.DockerApi;

/// <summary>JSON results with Content-Type exactly application/json (the Go client parses nothing else).</summary>
public static class DockerResults
{
    public static IResult Json<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        new JsonBytes(JsonSerializer.SerializeToUtf8Bytes(value, type), status);

    sealed class JsonBytes(byte[] body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = DockerErrors.JsonContentType;
            context.Response.ContentLength = body.Length + 1;
            return WriteAsync(context.Response, body);
        }

        static async Task WriteAsync(HttpResponse response, byte[] body)
        {
            await response.Body.WriteAsync(body);
            await response.Body.WriteAsync("\n"u8.ToArray());
        }
    }
}
