using Platform.Images.Archives.Staging;
using Platform.Images.Images;

namespace Platform.Images.Archives.Loading;

/// <summary>
/// A received archive, staged: its regular files by normalised path (each hashed), and its links. Lookups follow
/// links inside the archive only; a path that leaves it is refused when the archive is read.
/// </summary>
public sealed class StagedArchive
{
    const int MaxLinkHops = 16;
    const long MaxDocumentSize = 64L << 20;

    public Dictionary<string, StagedBlob> Files { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Links { get; } = new(StringComparer.Ordinal);

    public bool Has(string path) => Find(path) is not null;

    public StagedBlob? Find(string path)
    {
        var current = ArchivePaths.Normalize(path);
        for (var hop = 0; hop <= MaxLinkHops && current is not null; hop++)
        {
            if (Files.TryGetValue(current, out var blob)) return blob;
            if (!Links.TryGetValue(current, out var target)) return null;
            current = target;
        }
        return null;
    }

    public StagedBlob Require(string? path) =>
        (path is null ? null : Find(path)) ?? throw ImageError.BadRequest($"invalid archive: {path ?? "(no path)"} is not in the archive");

    /// <summary>The bytes of a small document (manifest, index, config); larger than 64 MiB is refused.</summary>
    public async Task<byte[]> ReadAsync(StagedBlob blob, CancellationToken cancellationToken) =>
        blob.Size <= MaxDocumentSize
            ? await File.ReadAllBytesAsync(blob.Path, cancellationToken)
            : throw ImageError.BadRequest($"invalid archive: a {blob.Size}-byte document is too large");
}

/// <summary>Paths inside an archive: "./a//b/../c" is "a/c"; a path climbing out of the archive is null.</summary>
public static class ArchivePaths
{
    public static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts);
    }

    /// <summary>The path a link at <paramref name="linkPath"/> targets (relative targets resolve from its directory).</summary>
    public static string? LinkTarget(string linkPath, string target, bool symbolic)
    {
        if (!symbolic || target.StartsWith('/')) return Normalize(target);
        var slash = linkPath.LastIndexOf('/');
        return Normalize((slash < 0 ? "" : linkPath[..slash] + "/") + target);
    }
}
