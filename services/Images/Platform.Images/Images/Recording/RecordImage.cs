namespace Platform.Images.Images.Recording;

/// <summary>How an image arrived on the host.</summary>
public enum ImageArrival
{
    Imported,
    Loaded,
    Pulled,
}

/// <summary>
/// Blobs verified and in the content store: the image they make now exists (import, load, pull). Docker logs every
/// arrival, including one of an image already present, so an arrival is always recorded; it revives a deleted image.
/// <paramref name="Detail"/> is the import source ("-") or the pulled reference (full form).
/// </summary>
public sealed record RecordImage(string HostId, ImageContent Content, ImageArrival Arrival, string Detail)
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
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Arrival, "unknown arrival"),
        };
    }
}
