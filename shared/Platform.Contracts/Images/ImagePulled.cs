using MassTransit;

namespace Platform.Contracts.Images;

/// <summary>
/// An image was pulled from a registry onto a host. Reference is the full form (docker.io/library/busybox:latest),
/// FamiliarName the repository as Docker shows it (busybox).
/// </summary>
[MessageUrn("images.image-pulled")]
[EntityName("images.image-pulled")]
public sealed record ImagePulled(
    string ImageId,
    string HostId,
    string Reference,
    string FamiliarName,
    string ManifestDigest,
    long Size,
    DateTimeOffset PulledAt);
