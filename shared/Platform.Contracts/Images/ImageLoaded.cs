using MassTransit;

namespace Platform.Contracts.Images;

/// <summary>An image arrived on a host in a docker save or OCI layout archive (docker load).</summary>
[MessageUrn("images.image-loaded")]
[EntityName("images.image-loaded")]
public sealed record ImageLoaded(
    string ImageId,
    string HostId,
    string ManifestDigest,
    long Size,
    DateTimeOffset LoadedAt);
