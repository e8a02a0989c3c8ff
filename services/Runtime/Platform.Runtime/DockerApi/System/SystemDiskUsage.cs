using System.Text.Json.Nodes;
using Platform.Runtime.Containers.Listing;
using Platform.Runtime.Volumes.Api;

namespace Platform.Runtime.DockerApi.System;

/// <summary>
/// GET /system/df (moby's types.DiskUsage): images as the images service lists them with this host's container
/// counts, containers with SizeRw/SizeRootFs, volumes with UsageData; a part not asked for (type=…) is null.
/// </summary>
public sealed record SystemDiskUsage(
    long LayersSize,
    IReadOnlyList<JsonObject>? Images,
    IReadOnlyList<ContainerSummary>? Containers,
    IReadOnlyList<VolumeResponse>? Volumes,
    IReadOnlyList<JsonObject>? BuildCache);
