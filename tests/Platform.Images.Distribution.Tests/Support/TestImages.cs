using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Images.Content;
using Platform.Images.Distribution.Manifests;

namespace Platform.Images.Distribution.Tests.Support;

public sealed record TestLayer(Digest Digest, long Size, string MediaType, Digest DiffId, byte[] Bytes);

public sealed record TestImage(Digest Manifest, string MediaType, byte[] ManifestBytes, Digest Config, byte[] ConfigBytes,
    IReadOnlyList<TestLayer> Layers, string Architecture);

public sealed record TestIndex(Digest Digest, byte[] Bytes, IReadOnlyList<TestImage> Images);

/// <summary>
/// Builds images the way a builder would: random files in tar layers (gzip or plain), a config whose diff_ids are the
/// uncompressed tar digests, a Docker schema2 or OCI manifest, optionally an OCI index — all written to a content store.
/// </summary>
public static class TestImages
{
    public static async Task<TestImage> BuildAsync(ContentStore store, string mediaType = MediaTypes.DockerManifest,
        int layers = 2, int layerSize = 32 * 1024, string architecture = "amd64", bool gzip = true)
    {
        var oci = mediaType == MediaTypes.OciManifest;
        var built = new List<TestLayer>();
        for (var i = 0; i < layers; i++)
        {
            var tar = Tar($"file-{i}-{Guid.NewGuid():N}.bin", RandomNumberGenerator.GetBytes(layerSize));
            var blob = gzip ? Gzip(tar) : tar;
            var type = gzip ? (oci ? MediaTypes.OciLayerGzip : MediaTypes.DockerLayerGzip) : MediaTypes.OciLayer;
            built.Add(new TestLayer(await store.WriteAsync(blob), blob.Length, type, Digest.Of(tar), blob));
        }
        var config = Config(architecture, built);
        var configDigest = await store.WriteAsync(config);
        var manifest = Manifest(mediaType, oci ? MediaTypes.OciConfig : MediaTypes.DockerConfig, configDigest, config.Length, built);
        var digest = await store.WriteAsync(manifest);
        return new TestImage(digest, mediaType, manifest, configDigest, config, built, architecture);
    }

    public static Task<TestIndex> BuildIndexAsync(ContentStore store, params TestImage[] images) =>
        BuildIndexAsync(store, MediaTypes.OciIndex, images);

    public static async Task<TestIndex> BuildIndexAsync(ContentStore store, string mediaType, params TestImage[] images)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", mediaType);
            json.WriteStartArray("manifests");
            foreach (var image in images)
            {
                json.WriteStartObject();
                json.WriteString("mediaType", image.MediaType);
                json.WriteString("digest", image.Manifest.ToString());
                json.WriteNumber("size", image.ManifestBytes.Length);
                json.WriteStartObject("platform");
                json.WriteString("architecture", image.Architecture);
                json.WriteString("os", "linux");
                if (image.Architecture == "arm64") json.WriteString("variant", "v8");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        var bytes = buffer.ToArray();
        return new TestIndex(await store.WriteAsync(bytes), bytes, images);
    }

    public static byte[] Tar(string name, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(content),
                ModificationTime = DateTimeOffset.UnixEpoch,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            writer.WriteEntry(entry);
        }
        return buffer.ToArray();
    }

    static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return buffer.ToArray();
    }

    static byte[] Config(string architecture, IReadOnlyList<TestLayer> layers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("created", "2026-01-01T00:00:00Z");
            json.WriteString("architecture", architecture);
            if (architecture == "arm64") json.WriteString("variant", "v8");
            json.WriteString("os", "linux");
            json.WriteStartObject("config");
            json.WriteStartArray("Cmd");
            json.WriteStringValue("/bin/sh");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            json.WriteStartArray("diff_ids");
            foreach (var layer in layers) json.WriteStringValue(layer.DiffId.ToString());
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("history");
            foreach (var _ in layers)
            {
                json.WriteStartObject();
                json.WriteString("created", "2026-01-01T00:00:00Z");
                json.WriteString("created_by", "test");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    static byte[] Manifest(string mediaType, string configType, Digest config, long configSize, IReadOnlyList<TestLayer> layers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", mediaType);
            Descriptor(json, "config", configType, config, configSize);
            json.WriteStartArray("layers");
            foreach (var layer in layers) Descriptor(json, null, layer.MediaType, layer.Digest, layer.Size);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    static void Descriptor(Utf8JsonWriter json, string? name, string mediaType, Digest digest, long size)
    {
        if (name is null) json.WriteStartObject();
        else json.WriteStartObject(name);
        json.WriteString("mediaType", mediaType);
        json.WriteNumber("size", size);
        json.WriteString("digest", digest.ToString());
        json.WriteEndObject();
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
