using System.Buffers;
using System.Runtime.InteropServices;
using Platform.Networking.DataPlane.Native;

namespace Platform.Networking.DataPlane.Netlink;

internal delegate void ReplyHandler(ushort type, ReadOnlySpan<byte> payload);

/// <summary>
/// An rtnetlink socket, bound to the network namespace of the thread that opened it for as long as it lives.
/// One request at a time: send, then read replies until the kernel's acknowledgement (or the end of a dump);
/// an error reply becomes a <see cref="SystemCallException"/> with the errno name and the kernel's extended message.
/// </summary>
internal sealed class NetlinkSocket : IDisposable
{
    const int ReceiveSize = 64 * 1024;
    readonly int _fd;
    readonly Lock _gate = new();
    uint _sequence;

    NetlinkSocket(int fd) => _fd = fd;

    /// <summary>A socket in the calling thread's namespace.</summary>
    public static NetlinkSocket Open() =>
        Adopt((int)Libc.Check(Libc.Socket(Libc.AfNetlink, Libc.SockRaw | Libc.SockCloexec, Libc.NetlinkRoute), "socket", "NETLINK_ROUTE"));

    /// <summary>Finishes a NETLINK_ROUTE socket made elsewhere (perhaps inside another namespace); owns it from now on.</summary>
    public static NetlinkSocket Adopt(int fd)
    {
        try
        {
            Span<byte> address = stackalloc byte[12];
            address.Clear();
            address[0] = Libc.AfNetlink;
            Libc.Check(Libc.Bind(fd, address, 12), "bind", "NETLINK_ROUTE");
            Option(fd, Libc.SolNetlink, Libc.NetlinkExtAck, [1, 0, 0, 0]);
            Option(fd, Libc.SolNetlink, Libc.NetlinkCapAck, [1, 0, 0, 0]);
            Option(fd, Libc.SolSocket, Libc.SoRcvtimeo, MemoryMarshal.AsBytes<long>([5, 0]));
            return new NetlinkSocket(fd);
        }
        catch
        {
            Libc.Close(fd);
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> and hands every reply message to <paramref name="onReply"/>.</summary>
    public void Execute(NetlinkRequest request, string subject, ReplyHandler? onReply = null)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            var message = request.Seal(sequence);
            while (Libc.Send(_fd, message, (nuint)message.Length, 0) < 0)
                if (Libc.Errno != Errno.EINTR) throw new SystemCallException("send", RequestNames.Of(request.Type), Libc.Errno);
            var buffer = ArrayPool<byte>.Shared.Rent(ReceiveSize);
            try
            {
                while (!ReadReplies(buffer, sequence, request.Type, subject, onReply)) { }
            }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
        }
    }

    bool ReadReplies(byte[] buffer, uint sequence, ushort requestType, string subject, ReplyHandler? onReply)
    {
        nint received;
        while ((received = Libc.Recv(_fd, buffer, (nuint)buffer.Length, 0)) < 0)
            if (Libc.Errno != Errno.EINTR) throw new SystemCallException("recv", RequestNames.Of(requestType), Libc.Errno);
        var data = buffer.AsSpan(0, (int)received);
        for (var at = 0; at + 16 <= data.Length;)
        {
            var length = (int)MemoryMarshal.Read<uint>(data[at..]);
            if (length < 16 || at + length > data.Length) break;
            var type = MemoryMarshal.Read<ushort>(data[(at + 4)..]);
            var flags = MemoryMarshal.Read<ushort>(data[(at + 6)..]);
            var replyTo = MemoryMarshal.Read<uint>(data[(at + 8)..]);
            var payload = data.Slice(at + 16, length - 16);
            at += (length + 3) & ~3;
            if (replyTo != sequence) continue; // a late reply to an earlier, abandoned request
            if (type is Rt.NlmsgError or Rt.NlmsgDone)
            {
                var errno = -MemoryMarshal.Read<int>(payload);
                if (errno == 0) return true;
                throw new SystemCallException(RequestNames.Of(requestType), subject, errno, ExtendedMessage(payload, flags));
            }
            onReply?.Invoke(type, payload);
        }
        return false;
    }

    /// <summary>The kernel's explanation (NLMSGERR_ATTR_MSG) after the error code and the echoed request header.</summary>
    static string? ExtendedMessage(ReadOnlySpan<byte> payload, ushort flags)
    {
        if ((flags & Rt.AckTlvs) == 0 || payload.Length < 20) return null;
        var echoed = (flags & Rt.Capped) != 0 ? 16 : (int)MemoryMarshal.Read<uint>(payload[4..]);
        var start = 4 + ((echoed + 3) & ~3);
        return start < payload.Length ? new Attributes(payload[start..]).String(Rt.NlmsgerrAttrMsg) : null;
    }

    static void Option(int fd, int level, int name, ReadOnlySpan<byte> value) =>
        Libc.Check(Libc.SetSockOpt(fd, level, name, value, (uint)value.Length), "setsockopt", $"{level}/{name}");

    public void Dispose() => Libc.Close(_fd);
}
