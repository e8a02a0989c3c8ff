using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Platform.Images.References;

namespace Platform.Images.Images.Index;

/// <summary>
/// Inline: the index commits in the same transaction as the events. An untag removes the entry only while it still
/// points at that image, so a tag moved in one transaction (untag old, tag new) is right whatever the apply order.
/// Partial so Marten's source generator registers IndexedReference as its published type.
/// </summary>
public sealed partial class ReferenceIndexProjection : EventProjection
{
    public ReferenceIndexProjection()
    {
        IncludeType<ImageTagged>();
        IncludeType<ImageUntagged>();
        IncludeType<ImageDeleted>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case ImageTagged tagged:
                operations.Store(new IndexedReference(IndexedReference.KeyOf(tagged.HostId, tagged.Reference), tagged.HostId,
                    tagged.Reference, ImageReferences.Parse(tagged.Reference).Name, tagged.ImageId));
                break;
            case ImageUntagged untagged:
                var key = IndexedReference.KeyOf(untagged.HostId, untagged.Reference);
                operations.DeleteWhere<IndexedReference>(x => x.Id == key && x.ImageId == untagged.ImageId);
                break;
            case ImageDeleted deleted:
                operations.DeleteWhere<IndexedReference>(x => x.HostId == deleted.HostId && x.ImageId == deleted.ImageId);
                break;
        }
        return ValueTask.CompletedTask;
    }
}
