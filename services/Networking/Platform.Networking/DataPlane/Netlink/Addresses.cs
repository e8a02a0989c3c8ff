using System.Net;
using System.Runtime.InteropServices;

namespace Platform.Networking.DataPlane.Netlink;

/// <summary>IPv4 addresses of an interface.</summary>
internal static class Addresses
{
    /// <summary>Adds the address, or leaves it as it is when the interface has it already.</summary>
    public static void AddAddress(this NetlinkSocket socket, int index, Cidr address) =>
        socket.Execute(Request(Rt.NewAddr, Rt.Create | Rt.Replace, index, address), $"#{index} {address}");

    public static void DeleteAddress(this NetlinkSocket socket, int index, Cidr address) =>
        socket.Execute(Request(Rt.DelAddr, 0, index, address), $"#{index} {address}");

    public static List<Cidr> ListAddresses(this NetlinkSocket socket, int index)
    {
        var found = new List<Cidr>();
        socket.Execute(new NetlinkRequest(Rt.GetAddr, Rt.Dump).Address(0, 0), $"#{index}", (type, payload) =>
        {
            if (type != Rt.NewAddr || payload[0] != Rt.AfInet || MemoryMarshal.Read<int>(payload[4..]) != index) return;
            var attributes = new Attributes(payload[8..]);
            if (attributes.TryGet(Rt.IfaLocal, out var local) || attributes.TryGet(Rt.IfaAddress, out local))
                found.Add(new Cidr(new IPAddress(local), payload[1]));
        });
        return found;
    }

    static NetlinkRequest Request(ushort type, ushort flags, int index, Cidr address)
    {
        var bytes = address.Address.GetAddressBytes();
        return new NetlinkRequest(type, flags).Address(address.PrefixLength, index)
            .Attribute(Rt.IfaLocal, bytes).Attribute(Rt.IfaAddress, bytes);
    }
}
