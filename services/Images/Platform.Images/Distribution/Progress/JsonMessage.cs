using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Images.Distribution.Progress;

/// <summary>
/// Docker's progress message (moby jsonmessage.JSONMessage), fields in moby's order, empty ones omitted:
/// <c>{"status":"Downloading","progressDetail":{"current":1,"total":2},"progress":"[=…>   ] 1B/2B","id":"a1b2c3d4e5f6"}</c>.
/// </summary>
public sealed record JsonMessage
{
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("progressDetail")] public ProgressDetail? ProgressDetail { get; init; }
    [JsonPropertyName("progress")] public string? Progress { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("errorDetail")] public ErrorDetail? ErrorDetail { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("aux")] public JsonElement? Aux { get; init; }

    /// <summary><c>{"status":text,"id":id}</c> — a line of its own (moby progress.Message).</summary>
    public static JsonMessage Message(string? id, string text) => new() { Id = Blank(id), Status = text };

    /// <summary><c>{"status":action,"progressDetail":{},"id":id}</c> — replaces the id's line (moby progress.Update).</summary>
    public static JsonMessage Update(string id, string action) => new() { Id = id, Status = action, ProgressDetail = new() };

    /// <summary>A progress bar for the id: detail, and moby's pre-rendered text.</summary>
    public static JsonMessage Bar(string id, string action, long current, long total) => new()
    {
        Id = id, Status = action,
        ProgressDetail = new() { Current = current == 0 ? null : current, Total = total <= 0 ? null : total },
        Progress = ProgressBar.Render(current, total) is { Length: > 0 } text ? text : null,
    };

    /// <summary><c>{"progressDetail":{},"aux":…}</c> (push results, build ids); not printed by the CLI.</summary>
    public static JsonMessage AuxMessage(JsonElement aux) => new() { ProgressDetail = new(), Aux = aux };

    /// <summary><c>{"errorDetail":{"message":m},"error":m}</c> — the CLI and Testcontainers read errorDetail.</summary>
    public static JsonMessage Failure(string message) => new() { ErrorDetail = new() { Message = message }, Error = message };

    static string? Blank(string? id) => string.IsNullOrEmpty(id) ? null : id;
}

public sealed record ProgressDetail
{
    [JsonPropertyName("current")] public long? Current { get; init; }
    [JsonPropertyName("total")] public long? Total { get; init; }
}

public sealed record ErrorDetail
{
    [JsonPropertyName("code")] public int? Code { get; init; }
    [JsonPropertyName("message")] public string Message { get; init; } = "";
}

/// <summary>The push result aux object: <c>{"Tag":"latest","Digest":"sha256:…","Size":528}</c>.</summary>
public sealed record PushAux(
    [property: JsonPropertyName("Tag")] string Tag,
    [property: JsonPropertyName("Digest")] string Digest,
    [property: JsonPropertyName("Size")] long Size);
