using Platform.Images.Images;

namespace Platform.Images.Archives.Compression;

/// <summary>
/// Tar streams arrive plain or compressed; the format is told by its magic bytes, as moby's DecompressStream does.
/// Plain and gzip are read; bzip2, xz and zstd are refused with a clear message (no decoder in the base library).
/// </summary>
public static class Decompression
{
    static readonly (string Name, byte[] Magic)[] Unsupported =
    [
        ("bzip2", "BZh"u8.ToArray()),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD]),
    ];

    /// <summary>The decompressed content of <paramref name="input"/>; an empty input is refused.</summary>
    public static async Task<Stream> OpenAsync(Stream input, CancellationToken cancellationToken)
    {
        var head = new byte[6];
        var count = 0;
        while (count < head.Length && await input.ReadAsync(head.AsMemory(count), cancellationToken) is var read and > 0) count += read;
        if (count == 0) throw ImageError.BadRequest("invalid tar archive: the input is empty");

        var prefixed = new PrefixedStream(head.AsMemory(0, count), input);
        if (IsGzip(head.AsSpan(0, count))) return new GzipGuard(prefixed);
        foreach (var (name, magic) in Unsupported)
            if (head.AsSpan(0, count).StartsWith(magic))
                throw ImageError.BadRequest($"unsupported compression format {name}: send a plain or gzip-compressed tar");
        return prefixed;
    }

    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 0x08;

    public static async Task<bool> IsGzipFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var head = new byte[3];
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return IsGzip(head.AsSpan(0, read));
    }
}
