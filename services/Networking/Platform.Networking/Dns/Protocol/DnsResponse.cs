using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Dns.Protocol;

/// <summary>
/// Writes answers (RFC 1035 §4.1): the id and opcode and RD of the query copied, QR and RA set, AA for names this
/// server owns, the question echoed, address records naming it by a pointer. Whatever does not fit a 512-byte UDP
/// message is left out and TC is set.
/// </summary>
static class DnsResponse
{
    public const int MaxUdpLength = 512;
    const uint Ttl = 600; // Docker's embedded DNS answers with this TTL

    public static int Write(DnsQuery query, DnsRcode rcode, bool authoritative, IReadOnlyList<IPAddress> addresses, Span<byte> into)
    {
        into = into[..Math.Min(into.Length, MaxUdpLength)];
        var length = DnsQuery.HeaderLength;
        length += DnsName.Write(query.Name, into[length..]);
        BinaryPrimitives.WriteUInt16BigEndian(into[length..], (ushort)query.Type);
        BinaryPrimitives.WriteUInt16BigEndian(into[(length + 2)..], query.Class);
        length += 4;
        var (answers, truncated) = (0, false);
        foreach (var address in addresses)
        {
            var data = address.GetAddressBytes();
            if (length + 12 + data.Length > into.Length) { truncated = true; break; }
            length += WriteRecord(address, data, into[length..]);
            answers++;
        }
        var flags = 0x8000 | (query.Flags & 0x7800) | (authoritative ? 0x0400 : 0) | (truncated ? 0x0200 : 0)
            | (query.Flags & 0x0100) | 0x0080 | (int)rcode;
        BinaryPrimitives.WriteUInt16BigEndian(into, query.Id);
        BinaryPrimitives.WriteUInt16BigEndian(into[2..], (ushort)flags);
        BinaryPrimitives.WriteUInt16BigEndian(into[4..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(into[6..], (ushort)answers);
        BinaryPrimitives.WriteUInt32BigEndian(into[8..], 0);
        return length;
    }

    static int WriteRecord(IPAddress address, byte[] data, Span<byte> into)
    {
        BinaryPrimitives.WriteUInt16BigEndian(into, 0xC000 | DnsQuery.HeaderLength); // the question's name
        var type = address.AddressFamily == AddressFamily.InterNetworkV6 ? DnsType.Aaaa : DnsType.A;
        BinaryPrimitives.WriteUInt16BigEndian(into[2..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(into[4..], DnsClass.Internet);
        BinaryPrimitives.WriteUInt32BigEndian(into[6..], Ttl);
        BinaryPrimitives.WriteUInt16BigEndian(into[10..], (ushort)data.Length);
        data.CopyTo(into[12..]);
        return 12 + data.Length;
    }
}
