using System.Security.Cryptography;

namespace Platform.Images.Content;

/// <summary>
/// Blobs addressed by digest under <c>{root}/images/blobs/sha256/{hex}</c>, shared by every image and tag.
/// A blob becomes visible only complete and verified: it is written to <c>ingest/</c>, hashed while written,
/// checked against the expected digest and size, fsynced, then renamed into place. A crash mid-write leaves only
/// an ingest file, which <see cref="OpenIngest"/> resumes or <see cref="CleanIngest"/> removes.
/// </summary>
public sealed partial class ContentStore
{
    readonly string _blobs;
    readonly string _ingest;

    public ContentStore(string root)
    {
        Root = Path.Combine(root, "images");
        _blobs = Path.Combine(Root, "blobs", Digest.Sha256);
        _ingest = Path.Combine(Root, "ingest");
        Directory.CreateDirectory(_blobs);
        Directory.CreateDirectory(_ingest);
    }

    /// <summary>The images service's directory under the host root.</summary>
    public string Root { get; }

    public string PathOf(Digest digest) => Path.Combine(_blobs, digest.Hex);

    public bool Exists(Digest digest) => File.Exists(PathOf(digest));

    public long? SizeOf(Digest digest) => File.Exists(PathOf(digest)) ? new FileInfo(PathOf(digest)).Length : null;

    public Stream OpenRead(Digest digest) =>
        new FileStream(PathOf(digest), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);

    public IEnumerable<Digest> List() =>
        Directory.EnumerateFiles(_blobs).Select(Path.GetFileName)
            .Select(name => Digest.TryParse("sha256:" + name, out var d) ? d : (Digest?)null)
            .Where(d => d is not null).Select(d => d!.Value);

    /// <summary>Writes a whole blob; verified against <paramref name="expected"/> when given. Idempotent.</summary>
    public async Task<Digest> WriteAsync(Stream content, Digest? expected = null, long? expectedSize = null,
        CancellationToken ct = default)
    {
        if (expected is { } known && Exists(known))
        {
            return known;
        }
        await using var ingest = expected is { } e ? OpenIngest(e, expectedSize, resume: false) : OpenAnonymousIngest();
        await content.CopyToAsync(ingest, 1 << 16, ct);
        return await ingest.CommitAsync(ct);
    }

    /// <summary>Writes a small blob held in memory (configs, manifests).</summary>
    public Task<Digest> WriteAsync(ReadOnlyMemory<byte> content, Digest? expected = null, CancellationToken ct = default) =>
        WriteAsync(new MemoryStream(content.ToArray(), writable: false), expected, content.Length, ct);

    /// <summary>Removes a blob; false when it was not there.</summary>
    public bool Delete(Digest digest)
    {
        var path = PathOf(digest);
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }

    /// <summary>Removes ingest files older than <paramref name="age"/> (abandoned downloads).</summary>
    public void CleanIngest(TimeSpan age)
    {
        foreach (var file in Directory.EnumerateFiles(_ingest))
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > age) File.Delete(file);
    }

    static string Hex(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetCurrentHash());
}
