using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Networking.DataPlane.Netlink;

/// <summary>Reads a run of netlink attributes (struct rtattr): finds one by type, as bytes, a number or a name.</summary>
internal readonly ref struct Attributes(ReadOnlySpan<byte> data)
{
    readonly ReadOnlySpan<byte> _data = data;

    public bool TryGet(ushort type, out ReadOnlySpan<byte> value)
    {
        for (var at = 0; at + 4 <= _data.Length;)
        {
            var length = MemoryMarshal.Read<ushort>(_data[at..]);
            if (length < 4 || at + length > _data.Length) break;
            if ((MemoryMarshal.Read<ushort>(_data[(at + 2)..]) & 0x3fff) == type)
            {
                value = _data.Slice(at + 4, length - 4);
                return true;
            }
            at += (length + 3) & ~3;
        }
        value = default;
        return false;
    }

    public string? String(ushort type) =>
        TryGet(type, out var value) ? Encoding.UTF8.GetString(value.TrimEnd((byte)0)) : null;

    public uint? UInt32(ushort type) =>
        TryGet(type, out var value) && value.Length >= 4 ? MemoryMarshal.Read<uint>(value) : null;

    public Attributes Nested(ushort type) => TryGet(type, out var value) ? new Attributes(value) : default;
}
