using System.Collections.Concurrent;
using System.Text.Json;
using Platform.Images.Content;
using Platform.Images.Images;
using Platform.Images.Images.Format;

namespace Platform.Images.Rootfs;

/// <summary>What a container is created from, out of an image's config blob: its "config" object as stored, its platform.</summary>
public sealed record RunConfig(JsonElement Config, string Os, string Architecture);

/// <summary>
/// Image configs are content-addressed (the image id is the config's digest), so a parsed config never goes stale:
/// each is read from the content store once and kept in memory; garbage collection forgets the ones it frees.
/// </summary>
public sealed class RunConfigCache(ContentStore store)
{
    static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
    readonly ConcurrentDictionary<string, RunConfig> _configs = new(StringComparer.Ordinal);

    public async ValueTask<RunConfig> GetAsync(Image image, CancellationToken cancellationToken)
    {
        if (_configs.TryGetValue(image.ImageId, out var cached)) return cached;
        var config = Parse(image, await ReadAsync(image, cancellationToken));
        return _configs.GetOrAdd(image.ImageId, config);
    }

    public void Forget(string imageId) => _configs.TryRemove(imageId, out _);

    async Task<byte[]> ReadAsync(Image image, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(store.PathOf(Digest.Parse(image.ImageId)), cancellationToken);
        }
        catch (FileNotFoundException)
        {
            throw ImageError.Internal($"the config {image.ImageId} is missing from the content store");
        }
    }

    static RunConfig Parse(Image image, byte[] blob)
    {
        ImageConfigFile file;
        try
        {
            file = ImageConfigFile.Parse(blob);
        }
        catch (FormatException error)
        {
            throw ImageError.Internal($"the config {image.ImageId} cannot be read: {error.Message}");
        }
        return new RunConfig(file.Config ?? EmptyObject,
            file.Os.Length > 0 ? file.Os : image.Content.Os,
            file.Architecture.Length > 0 ? file.Architecture : image.Content.Architecture);
    }
}
