using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Images.DockerApi;

/// <summary>Results with Docker's exact framing: Content-Type exactly application/json, a newline after the body.</summary>
public static class DockerResults
{
    public static IResult Json<T>(T value, JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        DockerJsonResults.Json(value, type, status);

    /// <summary>A status with no body (201 of tag).</summary>
    public static IResult Empty(int status) => DockerJsonResults.Bytes([], status, contentType: null);

    /// <summary>A JSON message stream (import, load): each message then CRLF, as moby's stream formatter writes.</summary>
    public static IResult Messages(IEnumerable<JsonMessage> messages)
    {
        var body = new List<byte>();
        foreach (var message in messages)
        {
            body.AddRange(JsonSerializer.SerializeToUtf8Bytes(message, ImagesJson.Relaxed.JsonMessage));
            body.AddRange("\r\n"u8.ToArray());
        }
        return DockerJsonResults.Bytes(body.ToArray(), StatusCodes.Status200OK);
    }
}
