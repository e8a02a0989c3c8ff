namespace Platform.Images.Images;

/// <summary>What every image event carries: the image (stream) and its host. Used to route appends, never for logic.</summary>
public interface IImageEvent
{
    string ImageId { get; }
    string HostId { get; }
}

/// <summary>An image was created from a root filesystem tar (docker import). Source is "-" or the URL.</summary>
public sealed record ImageImported(string ImageId, string HostId, ImageContent Content, string Source, DateTimeOffset ImportedAt) : IImageEvent;

/// <summary>An image arrived in a docker save / OCI layout archive (docker load).</summary>
public sealed record ImageLoaded(string ImageId, string HostId, ImageContent Content, DateTimeOffset LoadedAt) : IImageEvent;

/// <summary>An image was pulled from a registry as <paramref name="Reference"/> (full form).</summary>
public sealed record ImagePulled(string ImageId, string HostId, ImageContent Content, string Reference, DateTimeOffset PulledAt) : IImageEvent;

/// <summary>
/// An image was made from a container's changes (docker commit): <paramref name="ContainerName"/> without its "/",
/// <paramref name="ContainerImage"/> the image as the container was created from it, <paramref name="Reference"/>
/// the familiar repo:tag it was committed as ("" for none).
/// </summary>
public sealed record ImageCommitted(string ImageId, string HostId, ImageContent Content, string ContainerId, string ContainerName,
    string ContainerImage, string Reference, string Comment, DateTimeOffset CommittedAt) : IImageEvent;

/// <summary>A reference (full form: a tag, or a repository digest "name@sha256:…") now points at this image.</summary>
public sealed record ImageTagged(string ImageId, string HostId, string Reference, DateTimeOffset TaggedAt) : IImageEvent;

/// <summary>A reference no longer points at this image (removed, or moved to another image).</summary>
public sealed record ImageUntagged(string ImageId, string HostId, string Reference, DateTimeOffset UntaggedAt) : IImageEvent;

/// <summary>The image is gone from the host (its blobs stay until garbage collection).</summary>
public sealed record ImageDeleted(string ImageId, string HostId, DateTimeOffset DeletedAt) : IImageEvent;
