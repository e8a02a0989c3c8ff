using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Networking.Networks;
using Platform.Networking.Sandboxes;

namespace Platform.Networking.State.Journal;

/// <summary>A journal line: one entry, its events tagged with their type name.</summary>
public sealed record JournalLine(long Seq, string Stream, long From, List<JournalEvent> Events);

public sealed record JournalEvent(string Type, JsonElement Data);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JournalLine))]
[JsonSerializable(typeof(NetworkCreated))]
[JsonSerializable(typeof(NetworkRemoved))]
[JsonSerializable(typeof(EndpointJoined))]
[JsonSerializable(typeof(EndpointLeft))]
[JsonSerializable(typeof(SandboxCreated))]
[JsonSerializable(typeof(SandboxEndpointAttached))]
[JsonSerializable(typeof(SandboxEndpointDetached))]
[JsonSerializable(typeof(SandboxRemoved))]
public sealed partial class JournalJson : JsonSerializerContext;
