using System.Buffers.Binary;

namespace Platform.Networking.Dns.Protocol;

/// <summary>
/// The parts of a query a server answers from (RFC 1035 §4.1): the header's id and flags and the first question,
/// its name as sent (case kept, for resolvers that randomise case). Anything malformed does not parse.
/// </summary>
sealed record DnsQuery(ushort Id, ushort Flags, string Name, DnsType Type, ushort Class)
{
    public const int HeaderLength = 12;

    public int Opcode => (Flags >> 11) & 0xF;

    public bool RecursionDesired => (Flags & 0x0100) != 0;

    public static bool TryParse(ReadOnlySpan<byte> message, out DnsQuery? query)
    {
        query = null;
        if (message.Length < HeaderLength) return false;
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        if ((flags & 0x8000) != 0 || questions == 0) return false; // a response, or nothing asked
        var offset = HeaderLength;
        if (!DnsName.TryRead(message, ref offset, out var name) || offset + 4 > message.Length) return false;
        var type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
        query = new DnsQuery(BinaryPrimitives.ReadUInt16BigEndian(message), flags, name, type, @class);
        return true;
    }
}
