using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Networking.Tests.Integration.Dns;

/// <summary>A test's own minimal DNS client: builds queries and reads replies, independent of the server's code.</summary>
public static class DnsWire
{
    public const ushort A = 1, Aaaa = 28;

    public static byte[] Query(ushort id, string name, ushort type, bool recursionDesired = true)
    {
        var message = new List<byte> { (byte)(id >> 8), (byte)id, (byte)(recursionDesired ? 0x01 : 0x00), 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            message.Add((byte)label.Length);
            message.AddRange(Encoding.ASCII.GetBytes(label));
        }
        message.AddRange([0, (byte)(type >> 8), (byte)type, 0, 1]);
        return [.. message];
    }

    /// <summary>Sends from <paramref name="from"/> (an address on lo) and waits briefly; null when nothing came back.</summary>
    public static async Task<Reply?> AskAsync(IPEndPoint server, byte[] query, IPAddress? from = null, int waitMs = 3000)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
        await socket.SendToAsync(query, server);
        var buffer = new byte[4096];
        using var wait = new CancellationTokenSource(waitMs);
        try
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token);
            return Reply.Parse(buffer.AsSpan(0, read).ToArray());
        }
        catch (OperationCanceledException) { return null; }
    }

    public sealed record Reply(ushort Id, ushort Flags, int Questions, IReadOnlyList<(ushort Type, uint Ttl, IPAddress Address)> Answers)
    {
        public bool IsResponse => (Flags & 0x8000) != 0;
        public bool Authoritative => (Flags & 0x0400) != 0;
        public bool Truncated => (Flags & 0x0200) != 0;
        public bool RecursionDesired => (Flags & 0x0100) != 0;
        public bool RecursionAvailable => (Flags & 0x0080) != 0;
        public int Rcode => Flags & 0xF;
        public IEnumerable<string> Addresses => Answers.Select(a => a.Address.ToString()).Order();

        public static Reply Parse(byte[] m)
        {
            var offset = SkipName(m, 12) + 4;
            var answers = new List<(ushort, uint, IPAddress)>();
            for (var i = 0; i < BinaryPrimitives.ReadUInt16BigEndian(m.AsSpan(6)); i++)
            {
                offset = SkipName(m, offset);
                var type = BinaryPrimitives.ReadUInt16BigEndian(m.AsSpan(offset));
                var ttl = BinaryPrimitives.ReadUInt32BigEndian(m.AsSpan(offset + 4));
                var length = BinaryPrimitives.ReadUInt16BigEndian(m.AsSpan(offset + 8));
                answers.Add((type, ttl, new IPAddress(m.AsSpan(offset + 10, length))));
                offset += 10 + length;
            }
            return new Reply(BinaryPrimitives.ReadUInt16BigEndian(m), BinaryPrimitives.ReadUInt16BigEndian(m.AsSpan(2)),
                BinaryPrimitives.ReadUInt16BigEndian(m.AsSpan(4)), answers);
        }

        static int SkipName(byte[] m, int offset)
        {
            while (m[offset] != 0)
            {
                if ((m[offset] & 0xC0) == 0xC0) return offset + 2;
                offset += m[offset] + 1;
            }
            return offset + 1;
        }
    }
}
