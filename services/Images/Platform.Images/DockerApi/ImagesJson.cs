using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.Images.DockerApi;

/// <summary>GET /images/json entry (image.Summary), in moby's field order.</summary>
public sealed record ImageSummary(
    long Containers,
    long Created,
    string Id,
    IReadOnlyDictionary<string, string>? Labels,
    string ParentId,
    IReadOnlyList<string> RepoDigests,
    IReadOnlyList<string> RepoTags,
    long SharedSize,
    long Size);

/// <summary>GET /images/{name}/json (image.InspectResponse as API 1.44–1.51 writes it).</summary>
public sealed record ImageInspect(
    string Id,
    IReadOnlyList<string> RepoTags,
    IReadOnlyList<string> RepoDigests,
    string Parent,
    string Comment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Created,
    string DockerVersion,
    string Author,
    JsonObject Config,
    string Architecture,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variant,
    string Os,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OsVersion,
    long Size,
    GraphDriverData GraphDriver,
    RootFs RootFS,
    ImageMetadata Metadata);

public sealed record GraphDriverData(IReadOnlyDictionary<string, string> Data, string Name);

public sealed record RootFs(string Type, IReadOnlyList<string> Layers);

public sealed record ImageMetadata(string LastTagTime);

/// <summary>GET /images/{name}/history entry, newest first.</summary>
public sealed record HistoryItem(string Comment, long Created, string CreatedBy, string Id, long Size, IReadOnlyList<string>? Tags);

/// <summary>One line of DELETE /images/{name} and of a prune report.</summary>
public sealed record DeleteResponseItem(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Untagged,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Deleted);

/// <summary>POST /images/prune.</summary>
public sealed record PruneReport(IReadOnlyList<DeleteResponseItem>? ImagesDeleted, long SpaceReclaimed);

/// <summary>One message of a JSON progress stream (jsonmessage.JSONMessage; lower-case names).</summary>
public sealed record JsonMessage(
    [property: JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status = null,
    [property: JsonPropertyName("stream"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stream = null,
    [property: JsonPropertyName("errorDetail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ErrorDetail? ErrorDetail = null,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

public sealed record ErrorDetail([property: JsonPropertyName("message")] string Message);

/// <summary>Docker's image JSON, byte-exact names as declared (PascalCase unless stated), source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(List<ImageSummary>))]
[JsonSerializable(typeof(ImageInspect))]
[JsonSerializable(typeof(List<HistoryItem>))]
[JsonSerializable(typeof(List<DeleteResponseItem>))]
[JsonSerializable(typeof(PruneReport))]
[JsonSerializable(typeof(JsonMessage))]
[JsonSerializable(typeof(Committing.CommitResponse))]
public sealed partial class ImagesJson : JsonSerializerContext
{
    /// <summary>Go's escaping is minimal ("+" stays "+"); so is this.</summary>
    public static ImagesJson Relaxed { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
