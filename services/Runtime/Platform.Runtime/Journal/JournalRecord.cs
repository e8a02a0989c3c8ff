using System.Buffers.Binary;
using System.Text;

namespace Platform.Runtime.Journal;

/// <summary>
/// On-disk framing of one entry: [u32 length][u32 crc32 of payload][payload], little-endian, where payload is
/// [u64 sequence][i64 unix time in 100 ns ticks][u16 type length][type][u16 stream length][stream][data].
/// A record whose length or checksum does not match marks the torn tail of a crash and ends replay.
/// </summary>
public static class JournalRecord
{
    public const int HeaderSize = 8;
    public const int MaxPayload = 16 * 1024 * 1024;

    public static int Size(JournalEntry e) =>
        HeaderSize + 8 + 8 + 2 + Encoding.UTF8.GetByteCount(e.Type) + 2 + Encoding.UTF8.GetByteCount(e.Stream) + e.Data.Length;

    public static int Write(JournalEntry e, Span<byte> destination)
    {
        var payload = destination[HeaderSize..];
        BinaryPrimitives.WriteInt64LittleEndian(payload, e.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(payload[8..], e.At.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        var at = 16;
        at += WriteString(e.Type, payload[at..]);
        at += WriteString(e.Stream, payload[at..]);
        e.Data.CopyTo(payload[at..]);
        at += e.Data.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)at);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32.Compute(payload[..at]));
        return HeaderSize + at;
    }

    /// <summary>Reads one record at the start of <paramref name="source"/>; false when incomplete or corrupt.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out JournalEntry entry, out int consumed)
    {
        entry = null!;
        consumed = 0;
        if (source.Length < HeaderSize) return false;
        var length = BinaryPrimitives.ReadUInt32LittleEndian(source);
        if (length is < 20 or > MaxPayload || source.Length < HeaderSize + length) return false;
        var payload = source.Slice(HeaderSize, (int)length);
        if (Crc32.Compute(payload) != BinaryPrimitives.ReadUInt32LittleEndian(source[4..])) return false;

        var sequence = BinaryPrimitives.ReadInt64LittleEndian(payload);
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(payload[8..]);
        var at = 16;
        var type = ReadString(payload, ref at);
        var stream = ReadString(payload, ref at);
        entry = new JournalEntry(sequence, type, stream,
            new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + ticks, TimeSpan.Zero), payload[at..].ToArray());
        consumed = HeaderSize + (int)length;
        return true;
    }

    static int WriteString(string value, Span<byte> destination)
    {
        var n = Encoding.UTF8.GetBytes(value, destination[2..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)n);
        return 2 + n;
    }

    static string ReadString(ReadOnlySpan<byte> payload, ref int at)
    {
        var n = BinaryPrimitives.ReadUInt16LittleEndian(payload[at..]);
        var value = Encoding.UTF8.GetString(payload.Slice(at + 2, n));
        at += 2 + n;
        return value;
    }
}
