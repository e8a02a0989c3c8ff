using JasperFx.Events;
using Platform.Images.References;
using Platform.ServiceDefaults.Rails.IntegrationEvents;
using Published = Platform.Contracts.Images;

namespace Platform.Images.Images.Publishing;

/// <summary>What the fleet hears about images: every image event has its contract.</summary>
public sealed class ImagesIntegrationEvents : IIntegrationEventMapper
{
    public object? Map(IEvent @event) => @event.Data switch
    {
        ImageImported e => new Published.ImageImported(e.ImageId, e.HostId, e.Content.ManifestDigest, e.Content.Size, e.Source, e.ImportedAt),
        ImageLoaded e => new Published.ImageLoaded(e.ImageId, e.HostId, e.Content.ManifestDigest, e.Content.Size, e.LoadedAt),
        ImagePulled e => new Published.ImagePulled(e.ImageId, e.HostId, e.Reference, ImageReferences.Parse(e.Reference).FamiliarName,
            e.Content.ManifestDigest, e.Content.Size, e.PulledAt),
        ImageCommitted e => new Published.ImageCommitted(e.ImageId, e.HostId, e.Content.ManifestDigest, e.Content.Size, e.ContainerId,
            e.ContainerName, e.ContainerImage, e.Reference, e.Comment, e.CommittedAt),
        ImageTagged e => new Published.ImageTagged(e.ImageId, e.HostId, e.Reference, Familiar(e.Reference), e.TaggedAt),
        ImageUntagged e => new Published.ImageUntagged(e.ImageId, e.HostId, e.Reference, Familiar(e.Reference), e.UntaggedAt),
        ImageDeleted e => new Published.ImageDeleted(e.ImageId, e.HostId, e.DeletedAt),
        _ => null,
    };

    static string Familiar(string reference) => ImageReferences.Parse(reference).Familiar;
}
