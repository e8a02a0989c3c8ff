using MassTransit;

namespace Platform.Contracts.Images;

/// <summary>An image was created on a host from a root filesystem tar (docker import). Source is "-" or a URL.</summary>
[MessageUrn("images.image-imported")]
[EntityName("images.image-imported")]
public sealed record ImageImported(
    string ImageId,
    string HostId,
    string ManifestDigest,
    long Size,
    string Source,
    DateTimeOffset ImportedAt);
