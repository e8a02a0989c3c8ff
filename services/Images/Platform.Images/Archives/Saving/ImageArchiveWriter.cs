using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using Platform.Images.Images.Format;

namespace Platform.Images.Archives.Saving;

/// <summary>
/// Writes the archive docker save (moby ≥ 25) writes: an OCI image layout — oci-layout, index.json (one entry per
/// tag, annotated with the full name and the tag; an untagged image gets one bare entry), blobs/sha256/… holding
/// configs, manifests and uncompressed layers named by DiffID — that is also a docker archive: manifest.json
/// (paths into blobs/) and repositories. Entries in lexical order, owned by root, dated the epoch: reproducible.
/// </summary>
public static class ImageArchiveWriter
{
    const string LayoutContent = """{"imageLayoutVersion": "1.0.0"}""";

    public static async Task WriteAsync(Stream output, SavePlan plan, CancellationToken cancellationToken)
    {
        await using var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        await DirectoryAsync(tar, "blobs/", cancellationToken);
        await DirectoryAsync(tar, "blobs/sha256/", cancellationToken);

        var blobs = new SortedDictionary<string, Func<Stream>>(StringComparer.Ordinal);
        foreach (var image in plan.Images)
        {
            blobs[Hex(image.ConfigDigest)] = () => new MemoryStream(image.Config, writable: false);
            blobs[Hex(image.ManifestDigest)] = () => new MemoryStream(image.Manifest, writable: false);
        }
        foreach (var (diffId, path) in plan.LayerFiles) blobs[Hex(diffId)] = () => File.OpenRead(path);
        foreach (var (hex, open) in blobs)
        {
            await using var content = open();
            await FileAsync(tar, "blobs/sha256/" + hex, content, cancellationToken);
        }

        await FileAsync(tar, "index.json", JsonSerializer.SerializeToUtf8Bytes(Index(plan), FormatJson.Relaxed.IndexFile), cancellationToken);
        await FileAsync(tar, "manifest.json", Line(JsonSerializer.SerializeToUtf8Bytes(ManifestItems(plan), FormatJson.Relaxed.ListArchiveManifestItem)), cancellationToken);
        await FileAsync(tar, "oci-layout", Encoding.UTF8.GetBytes(LayoutContent), cancellationToken);
        if (Repositories(plan) is { Count: > 0 } repositories)
            await FileAsync(tar, "repositories", Line(JsonSerializer.SerializeToUtf8Bytes(repositories, FormatJson.Relaxed.SortedDictionaryStringSortedDictionaryStringString)), cancellationToken);
    }

    static IndexFile Index(SavePlan plan)
    {
        var manifests = new List<Descriptor>();
        foreach (var image in plan.Images)
        {
            var descriptor = new Descriptor(MediaTypes.OciManifest, image.ManifestDigest, image.Manifest.Length);
            if (image.Saved.Tags.Count == 0) manifests.Add(descriptor);
            foreach (var tag in image.Saved.Tags)
                manifests.Add(descriptor with
                {
                    Annotations = new Dictionary<string, string>
                    {
                        ["io.containerd.image.name"] = tag.ToString(),
                        ["org.opencontainers.image.ref.name"] = tag.Tag!,
                    },
                });
        }
        return new IndexFile(2, MediaTypes.OciIndex, manifests);
    }

    static List<ArchiveManifestItem> ManifestItems(SavePlan plan) => plan.Images.Select(image => new ArchiveManifestItem(
        "blobs/sha256/" + Hex(image.ConfigDigest),
        image.Saved.Tags.Count == 0 ? null : image.Saved.Tags.Select(t => t.Familiar).ToList(),
        image.Layers.Select(l => "blobs/sha256/" + Hex(l.DiffId)).ToList())).ToList();

    /// <summary>Legacy "repositories": familiar name → tag → the top layer's id (its DiffID hex, as moby writes).</summary>
    static SortedDictionary<string, SortedDictionary<string, string>> Repositories(SavePlan plan)
    {
        var repositories = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var image in plan.Images)
        foreach (var tag in image.Saved.Tags)
        {
            if (!repositories.TryGetValue(tag.FamiliarName, out var tags))
                repositories[tag.FamiliarName] = tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
            tags[tag.Tag!] = Hex(image.Layers[^1].DiffId);
        }
        return repositories;
    }

    static Task DirectoryAsync(TarWriter tar, string name, CancellationToken cancellationToken) =>
        tar.WriteEntryAsync(Entry(TarEntryType.Directory, name, Modes.Directory), cancellationToken);

    static Task FileAsync(TarWriter tar, string name, byte[] content, CancellationToken cancellationToken) =>
        FileAsync(tar, name, new MemoryStream(content, writable: false), cancellationToken);

    static async Task FileAsync(TarWriter tar, string name, Stream content, CancellationToken cancellationToken)
    {
        var entry = Entry(TarEntryType.RegularFile, name, Modes.File);
        entry.DataStream = content;
        await tar.WriteEntryAsync(entry, cancellationToken);
    }

    static UstarTarEntry Entry(TarEntryType type, string name, UnixFileMode mode) => new(type, name)
    {
        Mode = mode,
        ModificationTime = DateTimeOffset.UnixEpoch,
        Uid = 0,
        Gid = 0,
    };

    static string Hex(string digest) => digest["sha256:".Length..];

    static byte[] Line(byte[] json) => [.. json, (byte)'\n'];

    static class Modes
    {
        public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        public const UnixFileMode Directory = File | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    }
}
