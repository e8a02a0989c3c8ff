using MassTransit;

namespace Platform.Contracts.Images;

/// <summary>
/// An image was made on a host from a container's changes (docker commit). ContainerName is without its "/",
/// ContainerImage the image the container was created from as it was named, Reference the familiar repo:tag it was
/// committed as ("" when untagged).
/// </summary>
[MessageUrn("images.image-committed")]
[EntityName("images.image-committed")]
public sealed record ImageCommitted(
    string ImageId,
    string HostId,
    string ManifestDigest,
    long Size,
    string ContainerId,
    string ContainerName,
    string ContainerImage,
    string Reference,
    string Comment,
    DateTimeOffset CommittedAt);
