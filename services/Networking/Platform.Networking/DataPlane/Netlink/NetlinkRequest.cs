using System.Runtime.InteropServices;

namespace Platform.Networking.DataPlane.Netlink;

/// <summary>
/// Builds one netlink request: the 16-byte header, the family struct, then attributes (4-byte aligned, nestable).
/// Integers are in host order as the kernel reads them; addresses are in network order.
/// </summary>
internal sealed class NetlinkRequest
{
    byte[] _buffer = new byte[256];
    int _length;

    /// <summary>A dump ends with NLMSG_DONE; every other request asks for an acknowledgement to wait for.</summary>
    public NetlinkRequest(ushort type, ushort flags)
    {
        _length = 16;
        Write(4, type);
        Write(6, (ushort)(flags | Rt.Request | ((flags & Rt.Dump) == Rt.Dump ? 0 : Rt.Ack)));
    }

    public ushort Type => MemoryMarshal.Read<ushort>(_buffer.AsSpan(4));

    /// <summary>The finished message with its length and sequence number filled in.</summary>
    public ReadOnlySpan<byte> Seal(uint sequence)
    {
        Write(0, (uint)_length);
        Write(8, sequence);
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>struct ifinfomsg: family, type, index, flags and the mask of flags to change.</summary>
    public NetlinkRequest Link(int index, uint flags = 0, uint change = 0)
    {
        var at = Reserve(16);
        Write(at + 4, index);
        Write(at + 8, flags);
        Write(at + 12, change);
        return this;
    }

    /// <summary>struct ifaddrmsg for an IPv4 address.</summary>
    public NetlinkRequest Address(byte prefixLength, int index)
    {
        var at = Reserve(8);
        _buffer[at] = Rt.AfInet;
        _buffer[at + 1] = prefixLength;
        Write(at + 4, index);
        return this;
    }

    /// <summary>struct rtmsg for an IPv4 unicast route in the main table.</summary>
    public NetlinkRequest Route(byte destinationLength)
    {
        var at = Reserve(12);
        ReadOnlySpan<byte> fields = [Rt.AfInet, destinationLength, 0, 0, Rt.TableMain, Rt.ProtoBoot, Rt.ScopeUniverse, Rt.UnicastRoute];
        fields.CopyTo(_buffer.AsSpan(at));
        return this;
    }

    public NetlinkRequest Attribute(ushort type, ReadOnlySpan<byte> value)
    {
        var at = Reserve(4 + value.Length);
        Write(at, (ushort)(4 + value.Length));
        Write(at + 2, type);
        value.CopyTo(_buffer.AsSpan(at + 4));
        return this;
    }

    public NetlinkRequest Attribute(ushort type, uint value) => Attribute(type, MemoryMarshal.AsBytes(new ReadOnlySpan<uint>(in value)));

    public NetlinkRequest Attribute(ushort type, string value)
    {
        Span<byte> text = stackalloc byte[value.Length * 3 + 1];
        var length = System.Text.Encoding.UTF8.GetBytes(value, text);
        text[length] = 0;
        return Attribute(type, text[..(length + 1)]);
    }

    /// <summary>Opens a nested attribute; everything added until <see cref="End"/> goes inside it.</summary>
    public int Begin(ushort type)
    {
        var at = Reserve(4);
        Write(at + 2, type);
        return at;
    }

    public NetlinkRequest End(int nest)
    {
        Write(nest, (ushort)(_length - nest));
        return this;
    }

    int Reserve(int size)
    {
        var at = _length;
        var aligned = (size + 3) & ~3;
        if (at + aligned > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, at + aligned));
        _buffer.AsSpan(at, aligned).Clear();
        _length += aligned;
        return at;
    }

    void Write<T>(int at, T value) where T : unmanaged => MemoryMarshal.Write(_buffer.AsSpan(at), in value);
}
