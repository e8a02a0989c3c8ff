using System.Text.Json.Serialization;
using Platform.Contracts.Runtime;

namespace Platform.Runtime.Shipping;

/// <summary>Integration contracts as MassTransit's System.Text.Json serializer writes them (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HostStarted))]
[JsonSerializable(typeof(HostHeartbeat))]
[JsonSerializable(typeof(VolumeCreated))]
[JsonSerializable(typeof(VolumeDestroyed))]
[JsonSerializable(typeof(ContainerCreated))]
[JsonSerializable(typeof(ContainerStarted))]
[JsonSerializable(typeof(ContainerExited))]
[JsonSerializable(typeof(ContainerKilled))]
[JsonSerializable(typeof(ContainerStopped))]
[JsonSerializable(typeof(ContainerPaused))]
[JsonSerializable(typeof(ContainerUnpaused))]
[JsonSerializable(typeof(ContainerRenamed))]
[JsonSerializable(typeof(ContainerDestroyed))]
[JsonSerializable(typeof(ExecCreated))]
[JsonSerializable(typeof(ExecStarted))]
[JsonSerializable(typeof(ExecDied))]
public sealed partial class ContractJson : JsonSerializerContext;
