using Platform.Images.Archives.Staging;
using Platform.Images.Images;
using Platform.Images.References;

namespace Platform.Images.Archives.Loading;

/// <summary>
/// One image of an archive, fully checked: its content record, the staged blobs to publish (layers, then config, then
/// manifest, so whoever sees a manifest finds what it names), and the tags the archive gives it.
/// </summary>
public sealed record LoadCandidate(ImageContent Content, IReadOnlyList<StagedBlob> Blobs, IReadOnlyList<ImageReference> Tags)
{
    public LoadCandidate WithTags(IEnumerable<ImageReference> more) =>
        this with { Tags = Tags.Concat(more).DistinctBy(t => t.ToString()).ToList() };
}
