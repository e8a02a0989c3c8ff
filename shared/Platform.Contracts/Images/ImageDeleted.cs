using MassTransit;

namespace Platform.Contracts.Images;

/// <summary>An image was removed from a host (docker rmi, image prune).</summary>
[MessageUrn("images.image-deleted")]
[EntityName("images.image-deleted")]
public sealed record ImageDeleted(
    string ImageId,
    string HostId,
    DateTimeOffset DeletedAt);
