using System.Text.Json.Serialization;
using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Exec;
using Platform.Runtime.Containers.Inspecting;
using Platform.Runtime.Containers.Listing;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Containers.Pruning;
using Platform.Runtime.Containers.Top;

namespace Platform.Runtime.Containers;

/// <summary>
/// Docker's container shapes, source-generated: property names exactly as declared, request names matched
/// case-insensitively (Go's decoder; Docker.DotNet.Enhanced sends "TTY"), numbers never null.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified, PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ContainerConfig))]
[JsonSerializable(typeof(CreateExtras))]
[JsonSerializable(typeof(CreatedContainer))]
[JsonSerializable(typeof(ContainerInspect))]
[JsonSerializable(typeof(List<ContainerSummary>))]
[JsonSerializable(typeof(PrepareImageRequest))]
[JsonSerializable(typeof(PreparedImage))]
[JsonSerializable(typeof(ExecConfig))]
[JsonSerializable(typeof(ExecStartConfig))]
[JsonSerializable(typeof(CreatedExec))]
[JsonSerializable(typeof(ExecInspect))]
[JsonSerializable(typeof(ContainerTop))]
[JsonSerializable(typeof(ContainersPruned))]
[JsonSerializable(typeof(Networking.SandboxRequest))]
[JsonSerializable(typeof(Networking.Sandbox))]
[JsonSerializable(typeof(Networking.SandboxNetworkRequest))]
[JsonSerializable(typeof(Networking.NetworkReference))]
[JsonSerializable(typeof(Networking.NetworkConnection))]
[JsonSerializable(typeof(Model.AttachedEndpoint))]
public sealed partial class ContainersJson : JsonSerializerContext;
