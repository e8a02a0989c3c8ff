using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Networking.Endpoints;

namespace Platform.Networking.DockerApi;

/// <summary>
/// Docker's network JSON and the runtime's endpoint JSON, source-generated. Names are written as declared (PascalCase,
/// Docker's "Id", "IPAM", "EndpointID") and read case-insensitively, as Go's encoding/json reads them.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(NetworkResource))]
[JsonSerializable(typeof(List<NetworkResource>))]
[JsonSerializable(typeof(NetworkCreateRequest))]
[JsonSerializable(typeof(NetworkCreateResponse))]
[JsonSerializable(typeof(NetworksPruneReport))]
[JsonSerializable(typeof(JoinEndpoint))]
[JsonSerializable(typeof(JoinedEndpoint))]
[JsonSerializable(typeof(List<JoinedEndpoint>))]
public sealed partial class NetworksJson : JsonSerializerContext
{
    /// <summary>Go's escaping is minimal ("+" and "&lt;" stay as they are); so is this.</summary>
    public static NetworksJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNameCaseInsensitive = true,
    });
}
