using Platform.Images.Archives.Staging;
using Platform.Images.Content;
using Platform.Images.Images;
using Platform.Images.Images.Recording;
using Platform.Images.Images.Writing;

namespace Platform.Images.Archives.Loading;

/// <summary>
/// docker load: the whole archive is staged and every image in it checked (digests, DiffIDs, tars, media types)
/// before anything is published; then its blobs go into the store and all its images and tags commit in one write.
/// A refused archive leaves nothing behind. Returns the lines docker load prints.
/// </summary>
public sealed class ImageLoader(ContentStore store, ImageWriter writer)
{
    public async Task<IReadOnlyList<string>> LoadAsync(Stream body, CancellationToken cancellationToken)
    {
        await using var staging = new StagingArea(store, "load");
        var archive = await ArchiveReader.ReadAsync(body, staging, cancellationToken);
        var candidates = archive.Has(DockerArchiveImages.ManifestFile)
            ? await DockerArchiveImages.ReadAsync(archive, staging, cancellationToken)
            : archive.Has(OciLayoutImages.IndexFile)
                ? await OciLayoutImages.ReadAsync(archive, staging, cancellationToken)
                : throw ImageError.BadRequest($"invalid archive: does not contain a {DockerArchiveImages.ManifestFile}");

        foreach (var blob in candidates.SelectMany(c => c.Blobs)) staging.Publish(blob);
        return await writer.WriteAsync(async (write, token) =>
        {
            var lines = new List<string>();
            foreach (var candidate in candidates)
            {
                var moved = await ImageRecorder.RecordAsync(write,
                    new RecordImage(write.HostId, candidate.Content, ImageArrival.Loaded, "-"), candidate.Tags, token);
                foreach (var tag in candidate.Tags)
                {
                    if (moved.FirstOrDefault(m => m.Reference == tag) is { } renamed)
                        lines.Add($"The image {tag.Familiar} already exists, renaming the old one with ID {renamed.PreviousImageId} to empty string");
                    lines.Add($"Loaded image: {tag.Familiar}");
                }
                if (candidate.Tags.Count == 0) lines.Add($"Loaded image ID: {candidate.Content.ConfigDigest}");
            }
            return lines;
        }, cancellationToken);
    }
}
