using MassTransit;

namespace Platform.Contracts.Images;

/// <summary>
/// A reference now points at an image on a host. Reference is the full form (docker.io/library/busybox:latest or
/// …@sha256:…), FamiliarReference the one Docker shows (busybox:latest).
/// </summary>
[MessageUrn("images.image-tagged")]
[EntityName("images.image-tagged")]
public sealed record ImageTagged(
    string ImageId,
    string HostId,
    string Reference,
    string FamiliarReference,
    DateTimeOffset TaggedAt);
