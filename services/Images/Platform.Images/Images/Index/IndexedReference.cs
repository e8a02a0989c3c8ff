namespace Platform.Images.Images.Index;

/// <summary>
/// The reference index: which image a reference (a tag or a repository digest, full form) points at on a host.
/// Id "&lt;host&gt;/&lt;reference&gt;" makes a reference point at one image at most; written inline with the events.
/// </summary>
public sealed record IndexedReference(string Id, string HostId, string Reference, string Repository, string ImageId)
{
    public static string KeyOf(string hostId, string reference) => hostId + "/" + reference;
}
