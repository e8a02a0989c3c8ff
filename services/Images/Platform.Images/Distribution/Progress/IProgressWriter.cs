using System.Text;
using System.Text.Json;

namespace Platform.Images.Distribution.Progress;

/// <summary>
/// Where pull/push progress goes. Implementations must accept concurrent writers (layers transfer in parallel).
/// </summary>
public interface IProgressWriter
{
    ValueTask WriteAsync(JsonMessage message, CancellationToken ct = default);
}

/// <summary>Discards everything.</summary>
public sealed class NullProgressWriter : IProgressWriter
{
    public static NullProgressWriter Instance { get; } = new();

    public ValueTask WriteAsync(JsonMessage message, CancellationToken ct = default) => ValueTask.CompletedTask;
}

/// <summary>Docker's wire form of progress messages: compact JSON followed by <c>\r\n</c> (moby streamformatter).</summary>
public static class JsonMessageFormat
{
    static readonly byte[] NewLine = "\r\n"u8.ToArray();

    public static byte[] Serialize(JsonMessage message)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, DistributionJson.Default.JsonMessage);
        return [.. json, .. NewLine];
    }

    /// <summary><c>{"errorDetail":{"message":…},"error":…}\r\n</c>, for errors after the stream has started.</summary>
    public static byte[] FormatError(string message) => Serialize(JsonMessage.Failure(message));

    public static JsonElement Aux(PushAux aux) => JsonSerializer.SerializeToElement(aux, DistributionJson.Default.PushAux);

    public static string ToText(JsonMessage message) => Encoding.UTF8.GetString(Serialize(message)).TrimEnd();
}
