namespace Platform.Images.Content;

public sealed partial class ContentStore
{
    /// <summary>
    /// A write of the blob <paramref name="expected"/>. With <paramref name="resume"/>, bytes already in its ingest
    /// file (from an interrupted download) are kept and re-hashed: continue at <see cref="ContentIngest.Offset"/>.
    /// </summary>
    public ContentIngest OpenIngest(Digest expected, long? expectedSize, bool resume = true)
    {
        var path = Path.Combine(_ingest, expected.Hex);
        if (!resume && File.Exists(path)) File.Delete(path);
        return ContentIngest.Open(path, this, expected, expectedSize);
    }

    ContentIngest OpenAnonymousIngest() =>
        ContentIngest.Open(Path.Combine(_ingest, "anon-" + Guid.NewGuid().ToString("N")), this, null, null);

    /// <summary>Moves a verified ingest file into the store (rename is atomic on one filesystem).</summary>
    internal void Publish(string ingestPath, Digest digest)
    {
        var target = PathOf(digest);
        if (File.Exists(target))
        {
            File.Delete(ingestPath);
            return;
        }
        File.Move(ingestPath, target);
    }
}
