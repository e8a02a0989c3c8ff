using System.Security.Cryptography;
using Platform.Images.Content;

namespace Platform.Images.Archives.Staging;

/// <summary>
/// A private directory for one import or load, next to the content store (same filesystem). Everything an operation
/// receives is written and hashed here first; only once the whole image checks out are its blobs moved into the store
/// (a rename each, through the store's own publish). Disposing removes whatever was not published, so a refused
/// archive leaves the store as it was.
/// </summary>
public sealed class StagingArea : IAsyncDisposable
{
    public const string DirectoryName = "tmp";

    readonly ContentStore _store;

    public StagingArea(ContentStore store, string operation)
    {
        _store = store;
        Directory = System.IO.Path.Combine(RootOf(store), $"{operation}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static string RootOf(ContentStore store) => System.IO.Path.Combine(store.Root, DirectoryName);

    /// <summary>Copies <paramref name="content"/> to a new staged file, hashing it; flushed to disk.</summary>
    public async Task<StagedBlob> WriteAsync(Stream content, CancellationToken cancellationToken)
    {
        var path = NewPath();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }
        return new StagedBlob(path, Digest.FromHash(hash.GetCurrentHash()), size);
    }

    public Task<StagedBlob> WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        WriteAsync(new MemoryStream(content.ToArray(), writable: false), cancellationToken);

    /// <summary>Moves a verified staged blob into the content store (kept there if the store already has it).</summary>
    public void Publish(StagedBlob blob)
    {
        if (!File.Exists(blob.Path))
        {
            if (!_store.Exists(blob.Digest)) throw new FileNotFoundException($"staged blob {blob.Digest} is gone", blob.Path);
            return; // published already (the same blob twice in one image)
        }
        try
        {
            _store.Publish(blob.Path, blob.Digest);
        }
        catch (IOException) when (_store.Exists(blob.Digest))
        {
            File.Delete(blob.Path); // a concurrent operation published the same content first: same bytes, keep theirs
        }
    }

    /// <summary>Removes staging directories a crash left behind (at startup, before any operation runs).</summary>
    public static void CleanAll(ContentStore store)
    {
        var root = RootOf(store);
        if (!System.IO.Directory.Exists(root)) return;
        foreach (var directory in System.IO.Directory.EnumerateDirectories(root))
            System.IO.Directory.Delete(directory, recursive: true);
    }

    string NewPath() => System.IO.Path.Combine(Directory, Guid.NewGuid().ToString("N"));

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
