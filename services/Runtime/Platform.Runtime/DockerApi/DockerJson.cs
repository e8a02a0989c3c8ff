using System.Text.Json.Serialization;
using Platform.Runtime.DockerApi.System;

namespace Platform.Runtime.DockerApi;

/// <summary>Docker's JSON shapes, byte-exact property names as declared (PascalCase), no nulls for value types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(SystemVersion))]
[JsonSerializable(typeof(SystemInfo))]
public sealed partial class DockerJson : JsonSerializerContext;
