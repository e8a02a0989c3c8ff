using Marten;
using Platform.Images.Images;
using Platform.Images.Images.Resolving;
using Platform.Images.References;

namespace Platform.Images.Archives.Saving;

/// <summary>An image to save and the tags it is saved under.</summary>
public sealed record SavedImage(Image Image, IReadOnlyList<ImageReference> Tags);

/// <summary>
/// Which images docker save NAME… writes, as moby's parseNames: an id (full, short or sha256:-prefixed) saves the
/// image untagged; a bare repository saves every tag of it; a tag saves that tag; a digest reference the image alone.
/// Missing names fail the whole save before a byte is written.
/// </summary>
public static class SaveSelection
{
    public static async Task<IReadOnlyList<SavedImage>> ResolveAsync(IQuerySession session, string hostId,
        IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0) throw ImageError.BadRequest("no image names given");
        var selected = new List<(Image Image, List<ImageReference> Tags)>();
        void Add(Image image, ImageReference? tag)
        {
            var index = selected.FindIndex(s => s.Image.ImageId == image.ImageId);
            if (index < 0)
            {
                selected.Add((image, []));
                index = selected.Count - 1;
            }
            if (tag is { IsCanonical: false } && tag.WithDefaultTag() is var tagged && !selected[index].Tags.Contains(tagged))
                selected[index].Tags.Add(tagged);
        }

        foreach (var name in names)
        {
            var parsed = ImageResolver.Parse(name);
            if (parsed.Reference is { } reference && reference.IsNameOnly && reference.FamiliarName != "sha256")
            {
                var entries = await ImageResolver.ReferencesOfAsync(session, hostId, reference.Name, cancellationToken);
                var found = false;
                foreach (var entry in entries.OrderBy(e => e.Reference, StringComparer.Ordinal))
                {
                    if (await session.LoadAsync<Image>(ImageStreams.Key(hostId, entry.ImageId), cancellationToken) is not { Deleted: false } image) continue;
                    Add(image, ImageReferences.Parse(entry.Reference));
                    found = true;
                }
                if (found) continue;
            }
            var resolved = await ImageResolver.ResolveAsync(session, hostId, name, cancellationToken);
            var byName = parsed.Reference is { } named && !ImageIds.IsIdPrefix(resolved.ImageId, name) && named.FamiliarName != "sha256";
            Add(resolved, byName ? parsed.Reference!.ForLookup() : null);
        }
        return selected.Select(s => new SavedImage(s.Image, s.Tags)).ToList();
    }
}
