using Marten;
using Platform.Images.Images.Index;
using Platform.Images.References;

namespace Platform.Images.Images.Resolving;

/// <summary>
/// What a name means, as moby's GetImage decides: a full id; else a reference through the index (a bare name gets
/// :latest, a digest wins over a tag); else a unique id prefix ("3f2a", "sha256:3f2a"). Bad syntax is 400, a name
/// that resolves to nothing (or to several ids) is 404 "No such image: busybox:latest".
/// </summary>
public static class ImageResolver
{
    public static async Task<Image> ResolveAsync(IQuerySession session, string hostId, string name, CancellationToken cancellationToken) =>
        (await ResolveNamedAsync(session, hostId, name, cancellationToken)).Image;

    /// <summary>As <see cref="ResolveAsync"/>, and which reference matched (null when the name was an id or id prefix).</summary>
    public static async Task<ResolvedImage> ResolveNamedAsync(IQuerySession session, string hostId, string name, CancellationToken cancellationToken)
    {
        var parsed = Parse(name);
        return await FindNamedAsync(session, hostId, name, parsed, cancellationToken) ?? throw ImageError.NotFound(parsed);
    }

    public static ParsedName Parse(string name)
    {
        try
        {
            return ImageReferences.ParseAny(name);
        }
        catch (ReferenceFormatException error)
        {
            throw ImageError.BadRequest(error.Message);
        }
    }

    public static async Task<Image?> FindAsync(IQuerySession session, string hostId, string name, ParsedName parsed,
        CancellationToken cancellationToken) =>
        (await FindNamedAsync(session, hostId, name, parsed, cancellationToken))?.Image;

    static async Task<ResolvedImage?> FindNamedAsync(IQuerySession session, string hostId, string name, ParsedName parsed,
        CancellationToken cancellationToken)
    {
        if (parsed.ImageId is { } id)
            return Live(await session.LoadAsync<Image>(ImageStreams.Key(hostId, id), cancellationToken)) is { } byId ? new(byId, null) : null;

        var reference = parsed.Reference!.ForLookup();
        var entry = await session.LoadAsync<IndexedReference>(IndexedReference.KeyOf(hostId, reference.ToString()), cancellationToken);
        if (entry is not null && Live(await session.LoadAsync<Image>(ImageStreams.Key(hostId, entry.ImageId), cancellationToken)) is { } image)
            return new(image, reference);

        if (!ImageIds.TryGetSearchPrefix(name, out var hex)) return null;
        var prefix = ImageIds.Prefix + hex;
        var matches = await session.Query<Image>()
            .Where(x => x.HostId == hostId && !x.Deleted && x.ImageId.StartsWith(prefix))
            .Take(2)
            .ToListAsync(cancellationToken);
        return matches.Count == 1 ? new(matches[0], null) : null;
    }

    /// <summary>Every live image of the host.</summary>
    public static async Task<IReadOnlyList<Image>> ListAsync(IQuerySession session, string hostId, CancellationToken cancellationToken) =>
        await session.Query<Image>().Where(x => x.HostId == hostId && !x.Deleted).ToListAsync(cancellationToken);

    /// <summary>The index entries of one repository (full name), for save of a bare name.</summary>
    public static async Task<IReadOnlyList<IndexedReference>> ReferencesOfAsync(IQuerySession session, string hostId,
        string repository, CancellationToken cancellationToken) =>
        await session.Query<IndexedReference>()
            .Where(x => x.HostId == hostId && x.Repository == repository)
            .ToListAsync(cancellationToken);

    static Image? Live(Image? image) => image is { Deleted: false } ? image : null;
}

/// <summary>A resolved name: the image, and the reference (full form, as looked up) when it was found by one.</summary>
public sealed record ResolvedImage(Image Image, ImageReference? Reference);
