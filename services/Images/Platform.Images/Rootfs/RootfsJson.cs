using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Images.Rootfs;

/// <summary>POST /_platform/images/prepare body: {"image": a reference, an id, an id prefix or name@digest}.</summary>
public sealed record PrepareRequest(string? Image);

/// <summary>
/// The answer runtime builds a container from: the image id, the reference it was found by (full form; null when
/// asked by id), how to mount its layers, its config object as stored and its platform.
/// </summary>
public sealed record PreparedImage(string Id, string? Reference, PlanJson Plan, JsonElement Config, string Os, string Architecture);

/// <summary>A RootfsPlan on the wire (services/Images/LAYOUT.md): lowerDirs top-most first; vfsDir for vfs.</summary>
public sealed record PlanJson(string Driver, string? ChainId, IReadOnlyList<string> LowerDirs, string? VfsDir, string SnapshotsDir);

/// <summary>The platform's own JSON is camelCase (Docker's shapes stay in ImagesJson).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PrepareRequest))]
[JsonSerializable(typeof(PreparedImage))]
public sealed partial class RootfsJson : JsonSerializerContext
{
    /// <summary>Config strings as written ("+" stays "+"), as Docker's JSON does.</summary>
    public static RootfsJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, // options given here replace the attribute's
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
