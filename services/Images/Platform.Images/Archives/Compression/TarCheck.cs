using System.Formats.Tar;
using Platform.Images.Images;

namespace Platform.Images.Archives.Compression;

/// <summary>
/// Proves a layer tar readable end to end (every header parses, every entry's data is all there), so an import or
/// load never stores a layer the unpacker would choke on. Contents (paths, whiteouts) are the unpacker's business.
/// </summary>
public static class TarCheck
{
    public static async Task<int> ValidateAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        // A non-seekable view, so the reader really reads every data byte instead of seeking past a truncated end.
        await using var sequential = new PrefixedStream(ReadOnlyMemory<byte>.Empty, file);
        var entries = 0;
        try
        {
            await using var reader = new TarReader(sequential, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.DataStream is { } data)
                {
                    var copied = await CountAsync(data, cancellationToken);
                    if (copied != entry.Length) throw new EndOfStreamException();
                }
                entries++;
            }
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            throw ImageError.BadRequest(Describe(error));
        }
        return entries;
    }

    /// <summary>Why a tar could not be read, in Go's words where it has them.</summary>
    public static string Describe(Exception error) => error switch
    {
        CorruptCompressionException => error.Message,
        EndOfStreamException => "invalid tar archive: unexpected EOF",
        _ => "invalid tar archive: invalid tar header",
    };

    static async Task<long> CountAsync(Stream data, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await data.ReadAsync(buffer, cancellationToken)) > 0) total += read;
        return total;
    }
}
