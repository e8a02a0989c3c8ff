using Platform.Images.Content;
using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Manifests;

namespace Platform.Images.Distribution.Pulling;

/// <summary>
/// What to pull. <see cref="Platform"/> defaults to linux/amd64. With an <see cref="Applier"/> each layer is unpacked
/// in order after its download (the caller's "Extracting" step); <see cref="ReportStatus"/> writes the closing
/// <c>Status: …</c> line (turn it off to write <see cref="PullMessages.FinalStatus"/> yourself after tagging).
/// </summary>
public sealed record PullRequest(RemoteReference Reference, RegistryCredentials? Credentials = null, ImagePlatform? Platform = null)
{
    public ILayerApplier? Applier { get; init; }
    public bool ReportStatus { get; init; } = true;
}

/// <summary>
/// What was pulled, all of it now in the content store. <see cref="Digest"/> is the digest the reference resolved to
/// (the index's when it named an index — what <c>Digest: …</c> printed and what RepoDigests records);
/// <see cref="Manifest"/> is the platform's image manifest.
/// </summary>
public sealed record PullResult(
    RemoteReference Reference,
    Digest Digest,
    ImageManifest? Index,
    ImageManifest Manifest,
    Digest ConfigDigest,
    string ConfigMediaType,
    ReadOnlyMemory<byte> Config,
    IReadOnlyList<OciDescriptor> Layers,
    bool DownloadedNewContent)
{
    public string Repository => Reference.Repository;
    public string? Tag => Reference.Tag;
}

/// <summary>A layer handed to the <see cref="ILayerApplier"/>: its position, descriptor and the image it belongs to.</summary>
public sealed record PulledLayer(int Index, OciDescriptor Descriptor, Digest Digest, string Id, ImageManifest Manifest,
    Digest ConfigDigest, ReadOnlyMemory<byte> Config);

/// <summary>
/// The snapshot step of a pull, implemented by the layer store. <see cref="IsAppliedAsync"/> is asked before any
/// download (true and the blob present ⇒ "Already exists"); <see cref="ApplyAsync"/> is called bottom layer first,
/// each once the layers below it are applied, with the verified blob in the content store. Report extraction with
/// <c>new TransferProgress(progress, layer.Id, "Extracting", layer.Descriptor.Size)</c>; "Pull complete" follows.
/// </summary>
public interface ILayerApplier
{
    ValueTask<bool> IsAppliedAsync(PulledLayer layer, CancellationToken ct);

    Task ApplyAsync(PulledLayer layer, Progress.IProgressWriter progress, CancellationToken ct);
}
