using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// Multi-layer images for docker load (legacy docker save shape), and what their layers become on disk: the blobs
/// and the snapshot directories (named by ChainID) under the images root.
/// </summary>
public static class Layered
{
    /// <summary>A layer tar holding one file, /<paramref name="path"/> with <paramref name="content"/>.</summary>
    public static byte[] Layer(string path, string content)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path)
            {
                Mode = (UnixFileMode)0b110_100_100,
                ModificationTime = DateTimeOffset.UnixEpoch,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            });
        return buffer.ToArray();
    }

    /// <summary>A docker save archive of one image made of <paramref name="layers"/>, base first.</summary>
    public static byte[] Archive(string repoTag, string label, params byte[][] layers)
    {
        var diffIds = string.Join(',', layers.Select(l => $"\"{Archives.Sha256(l)}\""));
        var config = Archives.Utf8("""{"architecture":"amd64","os":"linux","created":"2025-06-01T10:00:00Z","config":{"Cmd":["sh"],"Labels":{"gc":""" +
            $"\"{label}\"" + """}},"rootfs":{"type":"layers","diff_ids":[""" + diffIds + "]}}");
        var manifest = Archives.Utf8($$"""[{"Config":"cfg.json","RepoTags":["{{repoTag}}"],"Layers":[{{string.Join(',', layers.Select((_, i) => $"\"l{i}/layer.tar\""))}}]}]""");
        return Archives.Write([("manifest.json", manifest), ("cfg.json", config), .. layers.Select((l, i) => ($"l{i}/layer.tar", l))]);
    }

    /// <summary>ChainID of every prefix of the layers (OCI image spec), as hex: the snapshot directory names.</summary>
    public static IReadOnlyList<string> ChainIds(params byte[][] layers)
    {
        var chain = new List<string>();
        string? parent = null;
        foreach (var layer in layers)
        {
            var diffId = Archives.Sha256(layer);
            parent = parent is null ? diffId : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes($"{parent} {diffId}")));
            chain.Add(parent["sha256:".Length..]);
        }
        return chain;
    }

    public static string BlobPath(string root, string digest) => Path.Combine(root, "images", "blobs", "sha256", digest["sha256:".Length..]);

    public static string SnapshotPath(string root, string chainHex) => Path.Combine(root, "images", "snapshots", chainHex);

    public static int BlobCount(string root) => Directory.GetFiles(Path.Combine(root, "images", "blobs", "sha256")).Length;
}
