using System.Text;

namespace Platform.Networking.Dns.Protocol;

/// <summary>
/// Domain names on the wire (RFC 1035 §3.1, §4.1.4). Reading follows compression pointers only backwards and stops
/// at 255 bytes, so a hostile packet cannot loop or run past its end.
/// </summary>
static class DnsName
{
    const int MaxLength = 255;

    /// <summary>The dotted name without the trailing dot (root is ""); <paramref name="offset"/> moves past it.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, ref int offset, out string name)
    {
        name = "";
        var text = new StringBuilder();
        var (position, end, length) = (offset, -1, 1);
        while (true)
        {
            if (position >= message.Length) return false;
            var label = message[position];
            if ((label & 0xC0) == 0xC0)
            {
                if (position + 1 >= message.Length) return false;
                var target = ((label & 0x3F) << 8) | message[position + 1];
                if (target >= position) return false;
                if (end < 0) end = position + 2;
                position = target;
                continue;
            }
            if ((label & 0xC0) != 0 || position + 1 + label > message.Length) return false;
            if (label == 0) break;
            length += label + 1;
            var bytes = message.Slice(position + 1, label);
            if (length > MaxLength || bytes.Contains((byte)'.')) return false;
            text.Append(text.Length > 0 ? "." : "").Append(Encoding.Latin1.GetString(bytes));
            position += 1 + label;
        }
        offset = end >= 0 ? end : position + 1;
        name = text.ToString();
        return true;
    }

    /// <summary>Writes the name uncompressed; returns the bytes written.</summary>
    public static int Write(string name, Span<byte> into)
    {
        var written = 0;
        foreach (var label in name.Length == 0 ? [] : name.Split('.'))
        {
            into[written] = (byte)label.Length;
            written += 1 + Encoding.Latin1.GetBytes(label, into[(written + 1)..]);
        }
        into[written] = 0;
        return written + 1;
    }
}
