using Platform.Images.References;

namespace Platform.Images.Images.Removing;

/// <summary>One line of Docker's delete response: {"Untagged": familiar reference} or {"Deleted": image id}.</summary>
public sealed record RemovalRecord(string? Untagged, string? Deleted)
{
    public static RemovalRecord UntaggedAs(string familiar) => new(familiar, null);
    public static RemovalRecord DeletedAs(string imageId) => new(null, imageId);
}

/// <summary>What a removal decided: the events to append and the response records, in order.</summary>
public sealed record Removal(IReadOnlyList<object> Events, IReadOnlyList<RemovalRecord> Records)
{
    public static readonly Removal Nothing = new([], []);

    public Removal Then(Removal next) => new([.. Events, .. next.Events], [.. Records, .. next.Records]);
}

/// <summary>Accumulates a removal against the image's remaining references.</summary>
sealed class RemovalBuilder(Image image, List<ImageReference> remaining, DateTimeOffset now)
{
    readonly List<object> _events = [];
    readonly List<RemovalRecord> _records = [];

    public List<ImageReference> Remaining { get; } = remaining;

    /// <summary>removeImageRef: idempotent, so the record is written even when the reference was not there.</summary>
    public void Untag(ImageReference reference)
    {
        var text = reference.ToString();
        if (Remaining.RemoveAll(r => r.ToString() == text) > 0)
            _events.Add(new ImageUntagged(image.ImageId, image.HostId, text, now));
        _records.Add(RemovalRecord.UntaggedAs(reference.Familiar));
    }

    public void UntagAll()
    {
        foreach (var reference in Remaining.ToList()) Untag(reference);
    }

    public void Delete()
    {
        _events.Add(new ImageDeleted(image.ImageId, image.HostId, now));
        _records.Add(RemovalRecord.DeletedAs(image.ImageId));
    }

    public Removal Build() => new(_events.ToList(), _records.ToList());
}
