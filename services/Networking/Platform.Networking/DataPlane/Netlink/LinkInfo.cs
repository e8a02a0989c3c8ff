using System.Runtime.InteropServices;

namespace Platform.Networking.DataPlane.Netlink;

/// <summary>What an RTM_NEWLINK reply says about one interface.</summary>
internal sealed record LinkInfo(int Index, string Name, string? Kind, uint Flags, uint Mtu, int Master)
{
    public bool IsUp => (Flags & Rt.IffUp) != 0;

    public static LinkInfo Parse(ReadOnlySpan<byte> payload)
    {
        var index = MemoryMarshal.Read<int>(payload[4..]);
        var flags = MemoryMarshal.Read<uint>(payload[8..]);
        var attributes = new Attributes(payload[16..]);
        return new LinkInfo(index, attributes.String(Rt.IflaIfname) ?? "", attributes.Nested(Rt.IflaLinkinfo).String(Rt.IflaInfoKind),
            flags, attributes.UInt32(Rt.IflaMtu) ?? 0, (int)(attributes.UInt32(Rt.IflaMaster) ?? 0));
    }
}
