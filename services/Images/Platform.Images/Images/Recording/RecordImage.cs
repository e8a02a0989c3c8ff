namespace Platform.Images.Images.Recording;

/// <summary>How an image arrived on the host.</summary>
public enum ImageArrival
{
    Imported,
    Loaded,
    Pulled,
    Committed,
}

/// <summary>
/// Blobs verified and in the content store: the image they make now exists (import, load, pull). Docker logs every
/// arrival, including one of an image already present, so an arrival is always recorded; it revives a deleted image.
/// <paramref name="Detail"/> is the import source ("-") or the pulled reference (full form); <paramref name="Commit"/> says
/// where a committed image came from.
/// </summary>
public sealed record RecordImage(string HostId, ImageContent Content, ImageArrival Arrival, string Detail, CommitOrigin? Commit = null)
{
    public string ImageId => Content.ConfigDigest;

    public static IReadOnlyList<object> Decide(Image? state, RecordImage command, DateTimeOffset now)
    {
        if (state is not null && state.ImageId != command.ImageId)
            throw new InvalidOperationException($"stream of {state.ImageId} asked to record {command.ImageId}");
        return command.Arrival switch
        {
            ImageArrival.Imported => [new ImageImported(command.ImageId, command.HostId, command.Content, command.Detail, now)],
            ImageArrival.Loaded => [new ImageLoaded(command.ImageId, command.HostId, command.Content, now)],
            ImageArrival.Pulled => [new ImagePulled(command.ImageId, command.HostId, command.Content, command.Detail, now)],
            ImageArrival.Committed when command.Commit is { } c => [new ImageCommitted(command.ImageId, command.HostId, command.Content,
                c.ContainerId, c.ContainerName, c.ContainerImage, c.Reference, c.Comment, now)],
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Arrival, "unknown arrival"),
        };
    }
}

/// <summary>The container a committed image was made from, and how it was committed (docker commit).</summary>
public sealed record CommitOrigin(string ContainerId, string ContainerName, string ContainerImage, string Reference, string Comment);
