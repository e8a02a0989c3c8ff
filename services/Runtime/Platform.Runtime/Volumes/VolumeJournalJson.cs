using System.Text.Json.Serialization;

namespace Platform.Runtime.Volumes;

/// <summary>Source-generated JSON for the volume events stored in the runtime journal.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(VolumeCreated))]
[JsonSerializable(typeof(VolumeRemoved))]
public sealed partial class VolumeJournalJson : JsonSerializerContext;
