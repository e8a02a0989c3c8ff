using MassTransit;

namespace Platform.Contracts.Images;

/// <summary>A reference no longer points at an image on a host (removed, or moved to another image).</summary>
[MessageUrn("images.image-untagged")]
[EntityName("images.image-untagged")]
public sealed record ImageUntagged(
    string ImageId,
    string HostId,
    string Reference,
    string FamiliarReference,
    DateTimeOffset UntaggedAt);
