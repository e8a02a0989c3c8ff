using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>Builds and reads image archives byte by byte, as another tool would write them.</summary>
public static class Archives
{
    public static string Sha256(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Every file of a tar, by name.</summary>
    public static Dictionary<string, byte[]> Read(byte[] tar)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null) { files[entry.Name] = []; continue; }
            using var copy = new MemoryStream();
            entry.DataStream.CopyTo(copy);
            files[entry.Name] = copy.ToArray();
        }
        return files;
    }

    /// <summary>A tar of the given files, in order (names as given, regular files only).</summary>
    public static byte[] Write(params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
            foreach (var (name, content) in files)
                tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = (UnixFileMode)0b110_100_100 });
        return buffer.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>An image config with one layer per DiffID.</summary>
    public static byte[] Config(params string[] diffIds) => Utf8(
        $$"""{"architecture":"amd64","os":"linux","created":"2025-06-01T10:00:00.5Z","config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":[{{string.Join(',', diffIds.Select(d => $"\"{d}\""))}}]},"history":[{"created":"2025-06-01T10:00:00.5Z","created_by":"test"}]}""");

    /// <summary>A docker save archive in the legacy shape (manifest.json, config and layer.tar by path).</summary>
    public static byte[] DockerArchive(byte[] config, byte[] layer, string repoTag) =>
        Write(("manifest.json", Utf8($$"""[{"Config":"cfg.json","RepoTags":["{{repoTag}}"],"Layers":["l1/layer.tar"]}]""")),
            ("cfg.json", config), ("l1/layer.tar", layer));

    /// <summary>An OCI image layout (no manifest.json): one manifest, its config and layer as blobs.</summary>
    public static byte[] OciLayout(byte[] config, byte[] layerBlob, string layerMediaType, string? name, string manifestMediaType = "application/vnd.oci.image.manifest.v1+json")
    {
        var manifest = Utf8($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{Sha256(config)}}","size":{{config.Length}}},"layers":[{"mediaType":"{{layerMediaType}}","digest":"{{Sha256(layerBlob)}}","size":{{layerBlob.Length}}}]}""");
        var annotations = name is null ? "" : $$""","annotations":{"io.containerd.image.name":"{{name}}"}""";
        var index = Utf8($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"{{manifestMediaType}}","digest":"{{Sha256(manifest)}}","size":{{manifest.Length}}{{annotations}}}]}""");
        return Write(("oci-layout", Utf8("""{"imageLayoutVersion":"1.0.0"}""")), ("index.json", index),
            (Blob(manifest), manifest), (Blob(config), config), (Blob(layerBlob), layerBlob));
    }

    public static string Blob(byte[] content) => "blobs/sha256/" + Sha256(content)["sha256:".Length..];
}
