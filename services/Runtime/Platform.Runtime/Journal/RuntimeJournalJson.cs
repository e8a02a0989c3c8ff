using System.Text.Json.Serialization;
using Platform.Runtime.Hosting;

namespace Platform.Runtime.Journal;

/// <summary>Source-generated JSON for the domain events stored in the journal.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HostStarted))]
public sealed partial class RuntimeJournalJson : JsonSerializerContext;
