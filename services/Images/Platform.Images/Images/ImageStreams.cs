namespace Platform.Images.Images;

/// <summary>
/// Image ids are content addresses, so two hosts of a fleet hold the same id: streams and documents are keyed by
/// host and id, "&lt;host&gt;/sha256:&lt;hex&gt;".
/// </summary>
public static class ImageStreams
{
    public static string Key(string hostId, string imageId) => hostId + "/" + imageId;
}
