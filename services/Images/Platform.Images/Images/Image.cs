using Platform.Images.References;

namespace Platform.Images.Images;

/// <summary>
/// One image on one host, folded from its stream (key <see cref="ImageStreams.Key"/>) and kept as an inline
/// snapshot, which is also the read model of list and inspect. A deleted image keeps its stream: importing or loading
/// the same content again brings it back, without its old references.
/// </summary>
public sealed record Image(
    string Id,
    string HostId,
    string ImageId,
    ImageContent Content,
    IReadOnlyList<string> References,
    DateTimeOffset? LastTagTime,
    bool Deleted,
    DateTimeOffset RecordedAt)
{
    public static Image Create(ImageImported e) => New(e.ImageId, e.HostId, e.Content, e.ImportedAt);
    public static Image Create(ImageLoaded e) => New(e.ImageId, e.HostId, e.Content, e.LoadedAt);
    public static Image Create(ImagePulled e) => New(e.ImageId, e.HostId, e.Content, e.PulledAt);
    public static Image Create(ImageCommitted e) => New(e.ImageId, e.HostId, e.Content, e.CommittedAt);

    public Image Apply(ImageImported e) => Arrived(e.Content, e.ImportedAt);
    public Image Apply(ImageLoaded e) => Arrived(e.Content, e.LoadedAt);
    public Image Apply(ImagePulled e) => Arrived(e.Content, e.PulledAt);
    public Image Apply(ImageCommitted e) => Arrived(e.Content, e.CommittedAt);

    public Image Apply(ImageTagged e) => this with
    {
        References = References.Contains(e.Reference) ? References : [.. References, e.Reference],
        LastTagTime = e.Reference.Contains('@') ? LastTagTime : e.TaggedAt, // a repository digest is not a tag
    };

    public Image Apply(ImageUntagged e) => this with { References = References.Where(r => r != e.Reference).ToArray() };

    public Image Apply(ImageDeleted e) => this with { Deleted = true, References = [] };

    /// <summary>The references as parsed values, sorted as the reference store lists them.</summary>
    public IReadOnlyList<ImageReference> ParsedReferences() =>
        References.Order(StringComparer.Ordinal).Select(ImageReferences.Parse).ToArray();

    /// <summary>Folds one event, as Marten does: Create for a first event, Apply after.</summary>
    public static Image Fold(Image? state, object @event) => (state, @event) switch
    {
        (null, ImageImported e) => Create(e),
        (null, ImageLoaded e) => Create(e),
        (null, ImagePulled e) => Create(e),
        (null, ImageCommitted e) => Create(e),
        ({ } image, ImageImported e) => image.Apply(e),
        ({ } image, ImageLoaded e) => image.Apply(e),
        ({ } image, ImagePulled e) => image.Apply(e),
        ({ } image, ImageCommitted e) => image.Apply(e),
        ({ } image, ImageTagged e) => image.Apply(e),
        ({ } image, ImageUntagged e) => image.Apply(e),
        ({ } image, ImageDeleted e) => image.Apply(e),
        _ => throw new InvalidOperationException(
            $"{@event.GetType().Name} cannot follow {(state is null ? "an empty stream" : "an existing image")}"),
    };

    static Image New(string imageId, string hostId, ImageContent content, DateTimeOffset at) =>
        new(ImageStreams.Key(hostId, imageId), hostId, imageId, content, [], null, Deleted: false, at);

    Image Arrived(ImageContent content, DateTimeOffset at) =>
        Deleted ? New(ImageId, HostId, content, at) : this;
}
