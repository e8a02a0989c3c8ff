using System.Text.Json.Nodes;
using Marten;
using Platform.Images.Archives.Compression;
using Platform.Images.Archives.Staging;
using Platform.Images.Content;
using Platform.Images.Images;
using Platform.Images.Images.Format;
using Platform.Images.Images.Recording;
using Platform.Images.Images.Resolving;
using Platform.Images.Images.Writing;

namespace Platform.Images.Committing;

/// <summary>
/// docker commit: the container's writable layer (from the runtime) becomes one uncompressed layer blob on top of
/// its image's layers — which stay shared — with a child config and a manifest; all staged and checked before any is
/// published, and the image exists once its ImageCommitted event (and the tag) commit. A container that changed
/// nothing adds an empty_layer history entry and no layer, as moby does.
/// </summary>
public sealed class ContainerCommitter(ContentStore store, ImageWriter writer, IDocumentStore documents, CommitSource containers, TimeProvider clock)
{
    public async Task<string> CommitAsync(CommitContainer command, CancellationToken cancellationToken)
    {
        var container = await containers.InspectAsync(command.Container, cancellationToken);
        var parent = await ParentAsync(container.ImageId, cancellationToken);
        var runConfig = CommitRunConfig.For(command.Config, container.Config, command.Changes);

        await using var staging = new StagingArea(store, "commit");
        var layer = await containers.StageDiffAsync(container.Id, command.Pause, staging, cancellationToken);
        var diffId = await TarCheck.ValidateAsync(layer.Path, cancellationToken) > 0 ? layer.Digest.ToString() : null;
        var created = clock.GetUtcNow();
        var config = await staging.WriteAsync(CommittedConfig.Write(await ConfigOfAsync(parent, cancellationToken),
            new CommitChild(runConfig, command.Author, command.Comment, container.CreatedBy, diffId, created)), cancellationToken);

        var oci = parent.Content.ManifestMediaType == MediaTypes.OciManifest;
        IReadOnlyList<ImageLayer> layers = diffId is null
            ? parent.Content.Layers
            : [.. parent.Content.Layers, new ImageLayer(diffId, diffId, oci ? MediaTypes.OciLayer : MediaTypes.DockerLayer, layer.Size, layer.Size)];
        var configType = oci ? MediaTypes.OciConfig : MediaTypes.DockerConfig;
        var manifestType = oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest;
        var manifest = await staging.WriteAsync(Manifests.Write(manifestType, new Descriptor(configType, config.Digest.ToString(), config.Size),
            layers.Select(l => new Descriptor(l.MediaType, l.Digest, l.Size)).ToList()), cancellationToken);

        if (diffId is not null) staging.Publish(layer);
        staging.Publish(config);
        staging.Publish(manifest);

        var content = new ImageContent(config.Digest.ToString(), configType, manifest.Digest.ToString(), manifestType, manifest.Size, layers,
            parent.Content.Architecture, parent.Content.Os, parent.Content.Variant, created, LabelsOf(runConfig));
        var origin = new CommitOrigin(container.Id, container.Name, container.ImageName, command.Tag?.Familiar ?? "", command.Comment);
        await writer.WriteAsync((write, token) => ImageRecorder.RecordAsync(write,
            new RecordImage(write.HostId, content, ImageArrival.Committed, container.Id, origin),
            command.Tag is { } tag ? [tag] : [], token), cancellationToken);
        return content.ConfigDigest;
    }

    async Task<Image> ParentAsync(string imageId, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession();
        return await ImageResolver.ResolveAsync(session, writer.HostId, imageId, cancellationToken);
    }

    async Task<JsonObject> ConfigOfAsync(Image image, CancellationToken cancellationToken)
    {
        var path = store.PathOf(Digest.Parse(image.ImageId));
        if (!File.Exists(path)) throw ImageError.Internal($"the config {image.ImageId} is missing from the content store");
        return JsonNode.Parse(await File.ReadAllBytesAsync(path, cancellationToken)) as JsonObject
               ?? throw ImageError.Internal($"the config {image.ImageId} is not a JSON object");
    }

    static IReadOnlyDictionary<string, string>? LabelsOf(JsonObject runConfig) =>
        runConfig["Labels"] is JsonObject { Count: > 0 } labels
            ? labels.ToDictionary(l => l.Key, l => l.Value?.GetValue<string>() ?? "")
            : null;
}
