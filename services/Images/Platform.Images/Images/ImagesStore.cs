using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Platform.Images.Images.Index;

namespace Platform.Images.Images;

public static class ImagesStore
{
    /// <summary>
    /// Image streams keyed "&lt;host&gt;/&lt;image id&gt;"; the Image aggregate is an inline snapshot (the list and inspect
    /// read model) and the reference index is projected inline, so both commit with the events that change them.
    /// </summary>
    public static StoreOptions AddImageStore(this StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AddEventType<ImageImported>();
        options.Events.AddEventType<ImageLoaded>();
        options.Events.AddEventType<ImagePulled>();
        options.Events.AddEventType<ImageCommitted>();
        options.Events.AddEventType<ImageTagged>();
        options.Events.AddEventType<ImageUntagged>();
        options.Events.AddEventType<ImageDeleted>();
        options.Projections.Snapshot<Image>(SnapshotLifecycle.Inline);
        options.Projections.Add<ReferenceIndexProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Image>().Duplicate(x => x.HostId).Duplicate(x => x.ImageId);
        options.Schema.For<IndexedReference>().Duplicate(x => x.HostId).Duplicate(x => x.Repository).Duplicate(x => x.ImageId);
        return options;
    }
}
