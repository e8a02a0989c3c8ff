using System.Formats.Tar;
using System.Text.RegularExpressions;
using Platform.Images.Archives.Compression;
using Platform.Images.Archives.Staging;
using Platform.Images.Images;

namespace Platform.Images.Archives.Loading;

/// <summary>
/// Reads a docker load body (a tar, plain or gzip) into a staging area in one pass. Blobs named by digest
/// (blobs/sha256/&lt;hex&gt;) must hash to their name; a truncated or corrupt tar is refused with its reason.
/// </summary>
public static partial class ArchiveReader
{
    public static async Task<StagedArchive> ReadAsync(Stream body, StagingArea staging, CancellationToken cancellationToken)
    {
        var archive = new StagedArchive();
        var entries = 0;
        try
        {
            await using var input = await Decompression.OpenAsync(body, cancellationToken);
            await using var reader = new TarReader(input, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                entries++;
                var path = ArchivePaths.Normalize(entry.Name)
                    ?? throw ImageError.BadRequest($"invalid archive: entry \"{entry.Name}\" points outside the archive");
                switch (entry.EntryType)
                {
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        archive.Files[path] = await StageAsync(entry, path, staging, cancellationToken);
                        break;
                    case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                        archive.Links[path] = ArchivePaths.LinkTarget(path, entry.LinkName, entry.EntryType == TarEntryType.SymbolicLink)
                            ?? throw ImageError.BadRequest($"invalid archive: link \"{entry.Name}\" points outside the archive");
                        break;
                }
            }
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or CorruptCompressionException)
        {
            throw ImageError.BadRequest(TarCheck.Describe(error));
        }
        if (entries == 0) throw ImageError.BadRequest("invalid archive: the tar has no entries");
        return archive;
    }

    static async Task<StagedBlob> StageAsync(TarEntry entry, string path, StagingArea staging, CancellationToken cancellationToken)
    {
        var blob = await staging.WriteAsync(entry.DataStream ?? Stream.Null, cancellationToken);
        if (blob.Size != entry.Length) throw new EndOfStreamException();
        if (BlobPath().Match(path) is { Success: true } named && named.Groups[1].Value != blob.Digest.Hex)
            throw ImageError.BadRequest($"invalid archive: digest mismatch for {path}: its content is {blob.Digest}");
        return blob;
    }

    [GeneratedRegex(@"^blobs/sha256/([a-f0-9]{64})\z")]
    private static partial Regex BlobPath();
}
