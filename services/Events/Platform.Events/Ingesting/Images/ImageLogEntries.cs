using Platform.Events.StateLog;

namespace Platform.Events.Ingesting.Images;

/// <summary>
/// Image events as Docker logs them: type "image", actor id = the image id, attribute "name" = what moby puts there
/// (the image id for import, load, untag and delete; the reference for tag; the repository for pull). One resource
/// per image per host, "image:&lt;host&gt;/&lt;id&gt;", since the same id exists on many hosts.
/// </summary>
static class ImageLogEntries
{
    /// <summary>The detail of an untag naming the reference removed, in its familiar form (busybox:latest).</summary>
    public const string ReferenceDetail = "reference";

    public static LogEntryRecorded Entry(Guid messageId, string action, string imageId, string hostId, string name, DateTimeOffset at,
        IReadOnlyDictionary<string, string>? details = null) =>
        new(
            Resource: $"image:{hostId}/{imageId}",
            messageId,
            Type: "image",
            Action: action,
            hostId,
            Service: "images",
            ActorId: imageId,
            Attributes: new Dictionary<string, string> { ["name"] = name },
            at,
            details);
}
