using Marten;
using JasperFx.Events;
using Platform.Images.Images.Index;
using Platform.Images.Images.Resolving;
using Platform.Images.References;

namespace Platform.Images.Images.Writing;

/// <summary>
/// One locked write: images fetched for writing, events appended to their streams, and what those events change
/// (the images, the reference index) visible to later decisions of the same write before anything is committed.
/// </summary>
public sealed class ImageWriteSession(IDocumentSession session, string hostId, DateTimeOffset now)
{
    readonly Dictionary<string, IEventStream<Image>> _streams = new(StringComparer.Ordinal);
    readonly Dictionary<string, Image?> _images = new(StringComparer.Ordinal);
    readonly Dictionary<string, string?> _owners = new(StringComparer.Ordinal);

    public string HostId { get; } = hostId;
    public DateTimeOffset Now { get; } = now;

    /// <summary>Reads against the same transaction (committed state; this write's own events are not in it).</summary>
    public IQuerySession Query => session;

    /// <summary>The image as it stands in this write (null if it never existed).</summary>
    public async Task<Image?> GetAsync(string imageId, CancellationToken cancellationToken)
    {
        if (_images.TryGetValue(imageId, out var known)) return known;
        var stream = await session.Events.FetchForWriting<Image>(ImageStreams.Key(HostId, imageId), cancellationToken);
        _streams[imageId] = stream;
        _images[imageId] = stream.Aggregate;
        return stream.Aggregate;
    }

    /// <summary>Resolves a name (404/400 as Docker) and fetches that image for writing.</summary>
    public async Task<Image> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var found = await ImageResolver.ResolveAsync(session, HostId, name, cancellationToken);
        return await GetAsync(found.ImageId, cancellationToken) ?? throw ImageError.NotFound(ImageResolver.Parse(name));
    }

    /// <summary>The live image a reference (full form) points at now, if any.</summary>
    public async Task<Image?> OwnerOfAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        var text = reference.ToString();
        if (!_owners.TryGetValue(text, out var imageId))
            imageId = (await session.LoadAsync<IndexedReference>(IndexedReference.KeyOf(HostId, text), cancellationToken))?.ImageId;
        return imageId is null ? null : await GetAsync(imageId, cancellationToken) is { Deleted: false } owner ? owner : null;
    }

    public async Task AppendAsync(IEnumerable<object> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            var imageId = ((IImageEvent)@event).ImageId;
            var state = await GetAsync(imageId, cancellationToken);
            _streams[imageId].AppendOne(@event);
            _images[imageId] = Image.Fold(state, @event);
            switch (@event)
            {
                case ImageTagged tagged: _owners[tagged.Reference] = imageId; break;
                case ImageUntagged untagged when _owners.GetValueOrDefault(untagged.Reference, imageId) == imageId:
                    _owners[untagged.Reference] = null;
                    break;
            }
        }
    }
}
