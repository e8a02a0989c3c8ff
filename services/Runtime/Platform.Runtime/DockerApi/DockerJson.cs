using System.Text.Json.Serialization;
using Platform.Runtime.DockerApi.System;
using Platform.Runtime.Volumes.Api;

namespace Platform.Runtime.DockerApi;

/// <summary>Docker's JSON shapes, byte-exact property names as declared (PascalCase), no nulls for value types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(SystemVersion))]
[JsonSerializable(typeof(SystemInfo))]
[JsonSerializable(typeof(SystemDiskUsage))]
[JsonSerializable(typeof(VolumeResponse))]
[JsonSerializable(typeof(VolumeListResponse))]
[JsonSerializable(typeof(VolumePruneResponse))]
public sealed partial class DockerJson : JsonSerializerContext;
