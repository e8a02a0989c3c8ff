using Platform.Events.Ingesting.Images;
using Platform.Events.StateLog;

namespace Platform.Events.Fleet.Images;

/// <summary>
/// An image on one host (the same id on two hosts is two rows, Id = "&lt;host&gt;/&lt;image id&gt;") with the references
/// pointing at it there, split as Docker shows them: RepoTags (busybox:latest) and RepoDigests (busybox@sha256:…).
/// An arrival (import, load, pull, commit) or a tag makes it exist; an untag drops the reference its entry names; a
/// delete removes the row.
/// </summary>
public sealed record FleetImage(
    string Id,
    string HostId,
    string ImageId,
    IReadOnlyList<string> RepoTags,
    IReadOnlyList<string> RepoDigests,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastChangeAt)
{
    public static string KeyOf(string hostId, string imageId) => $"{hostId}/{imageId}";

    /// <param name="imageId">The image the entry is about: the actor of an image entry, the imageID of a commit.</param>
    public static FleetImage? Fold(FleetImage? image, string imageId, LogEntryRecorded e)
    {
        if (e is { Type: "image", Action: "delete" }) return null;
        var at = e.HappenedAt;
        var known = image is null
            ? new FleetImage(KeyOf(e.HostId, imageId), e.HostId, imageId, [], [], at, at)
            : image with { LastChangeAt = at };
        return e.Action switch
        {
            "tag" when e.Attributes.TryGetValue("name", out var reference) => known.Without(reference).With(reference),
            "untag" when e.Details?.TryGetValue(ImageLogEntries.ReferenceDetail, out var reference) == true => known.Without(reference),
            _ => known,
        };
    }

    FleetImage With(string reference) => IsDigest(reference)
        ? this with { RepoDigests = [.. RepoDigests, reference] }
        : this with { RepoTags = [.. RepoTags, reference] };

    FleetImage Without(string reference) => this with
    {
        RepoTags = RepoTags.Where(r => r != reference).ToArray(),
        RepoDigests = RepoDigests.Where(r => r != reference).ToArray(),
    };

    static bool IsDigest(string reference) => reference.Contains('@');
}
