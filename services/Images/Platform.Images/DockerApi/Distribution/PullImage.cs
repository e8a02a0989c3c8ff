using Platform.Images.Content;
using Platform.Images.Distribution;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Progress;
using Platform.Images.Distribution.Pulling;
using Platform.Images.Images;
using Platform.Images.Images.Format;
using Platform.Images.Images.Recording;
using Platform.Images.Images.Writing;
using Platform.Images.References;
using Platform.Images.Snapshots.Store;

namespace Platform.Images.DockerApi.Distribution;

/// <summary>
/// POST /images/create?fromImage=…[&amp;tag=…] — docker pull (docker-api.md §4.13). The CLI sends the normalised
/// name and the tag apart; Testcontainers and Docker.DotNet send <c>name:tag</c> (or <c>name:tag@sha256:…</c>) with no
/// tag parameter. A tag parameter that is a digest pulls by digest; neither tag nor digest pulls latest. The pulled
/// image is recorded (arrival Pulled) with its tag — or, for a digest reference, only its repository digest — and its
/// repository digest <c>name@sha256:…</c>; the closing status says whether the reference moved. Layers are unpacked
/// into snapshots as they arrive (<see cref="SnapshotLayerApplier"/>).
/// </summary>
public static class PullImage
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var reference = Parse(request.Value("fromImage"), request.Value("tag"));
        var platform = Platform(request.Value("platform"));
        var remote = new RemoteReference(reference.Domain, reference.Path, reference.Tag,
            reference.Digest is { } digest ? Digest.Parse(digest) : null);
        var puller = context.RequestServices.GetRequiredService<ImagePuller>();
        var writer = context.RequestServices.GetRequiredService<ImageWriter>();
        var progress = RegistryStreams.Open(context);

        return await RegistryStreams.RunAsync(context, progress, async () =>
        {
            var pull = new PullRequest(remote, RegistryStreams.Credentials(request), platform)
            {
                ReportStatus = false,
                Applier = new SnapshotLayerApplier(context.RequestServices.GetRequiredService<SnapshotStore>(),
                    context.RequestServices.GetRequiredService<ContentStore>()),
            };
            var pulled = await puller.PullAsync(pull, progress, cancellationToken);
            var content = Content(pulled);
            var repoDigest = reference.TrimmedToName() with { Digest = pulled.Digest.ToString() };
            // A reference with a digest is recorded by digest only (moby refuses tags that carry a digest).
            var main = reference.IsCanonical ? repoDigest : reference;
            IReadOnlyList<ImageReference> references = main == repoDigest ? [repoDigest] : [main, repoDigest];
            var moved = await writer.WriteAsync(async (write, token) =>
            {
                var before = await write.OwnerOfAsync(main.ForLookup(), token);
                await ImageRecorder.RecordAsync(write, new RecordImage(write.HostId, content, ImageArrival.Pulled, reference.ToString()),
                    references, token);
                return before?.ImageId != content.ConfigDigest;
            }, cancellationToken);
            await progress.WriteAsync(PullMessages.FinalStatus(remote, moved || pulled.DownloadedNewContent), cancellationToken);
        });
    }

    /// <summary>fromImage (a trailing ':' trimmed) and tag as moby reads them; bad syntax is 400.</summary>
    public static ImageReference Parse(string fromImage, string tag)
    {
        try
        {
            var reference = ImageReferences.ParseNormalized(fromImage.TrimEnd(':'));
            if (tag.Length > 0)
                reference = DigestText.IsValid(tag)
                    ? reference with { Tag = null, Digest = tag }
                    : reference.WithTag(tag);
            return reference.WithDefaultTag();
        }
        catch (ReferenceFormatException error)
        {
            throw ImageError.BadRequest(error.Message);
        }
    }

    static ImagePlatform? Platform(string text)
    {
        if (text.Length == 0) return null;
        var parts = text.ToLowerInvariant().Split('/');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0))
            throw ImageError.BadRequest($"\"{text}\": unknown operating system or architecture: invalid argument");
        if (parts[0] != HostPlatform.Os) throw ImageError.BadRequest("operating system is not supported");
        return new ImagePlatform
        {
            Os = parts[0], Architecture = parts.Length > 1 ? parts[1] : HostPlatform.Architecture, Variant = parts.Length > 2 ? parts[2] : null,
        };
    }

    /// <summary>The record of a pulled image: its config's platform, time and labels; its layers as the manifest lists them.</summary>
    public static ImageContent Content(PullResult pulled)
    {
        ImageConfigFile config;
        try
        {
            config = ImageConfigFile.Parse(pulled.Config);
        }
        catch (FormatException error)
        {
            throw new Platform.Images.Distribution.Errors.RegistryException(error.Message, 500);
        }
        if (config.DiffIds.Count != pulled.Layers.Count)
            throw new Platform.Images.Distribution.Errors.RegistryException(
                $"invalid image config: {config.DiffIds.Count} diff_ids for {pulled.Layers.Count} layers", 500);
        var layers = pulled.Layers.Select((layer, i) => new ImageLayer(config.DiffIds[i], layer.ContentDigest.ToString(), layer.MediaType, layer.Size, 0))
            .ToList();
        return new ImageContent(pulled.ConfigDigest.ToString(), pulled.ConfigMediaType, pulled.Manifest.Digest.ToString(),
            pulled.Manifest.MediaType, pulled.Manifest.Bytes.Length, layers, config.Architecture,
            config.Os.Length > 0 ? config.Os : HostPlatform.Os, config.Variant, config.Created, config.Labels);
    }
}
