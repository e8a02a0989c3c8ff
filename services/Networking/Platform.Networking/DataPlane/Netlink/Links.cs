using Platform.Networking.DataPlane.Native;

namespace Platform.Networking.DataPlane.Netlink;

/// <summary>Reading, changing and deleting interfaces in the socket's namespace.</summary>
internal static class Links
{
    /// <summary>The interface named <paramref name="name"/>, or null when there is none.</summary>
    public static LinkInfo? FindLink(this NetlinkSocket socket, string name)
    {
        LinkInfo? found = null;
        try
        {
            socket.Execute(new NetlinkRequest(Rt.GetLink, 0).Link(0).Attribute(Rt.IflaIfname, name), name,
                (type, payload) => found = type == Rt.NewLink ? LinkInfo.Parse(payload) : found);
        }
        catch (SystemCallException e) when (e.ErrorNumber == Errno.ENODEV) { }
        return found;
    }

    public static int IndexOf(this NetlinkSocket socket, string name) =>
        socket.FindLink(name)?.Index ?? throw new SystemCallException(RequestNames.Of(Rt.GetLink), name, Errno.ENODEV);

    public static List<LinkInfo> ListLinks(this NetlinkSocket socket, string namePrefix = "")
    {
        var links = new List<LinkInfo>();
        socket.Execute(new NetlinkRequest(Rt.GetLink, Rt.Dump).Link(0), "dump", (type, payload) =>
        {
            if (type != Rt.NewLink) return;
            var link = LinkInfo.Parse(payload);
            if (link.Name.StartsWith(namePrefix, StringComparison.Ordinal)) links.Add(link);
        });
        return links;
    }

    public static void SetUp(this NetlinkSocket socket, int index, bool up = true) =>
        socket.Execute(new NetlinkRequest(Rt.SetLink, 0).Link(index, up ? Rt.IffUp : 0, Rt.IffUp), $"#{index}");

    public static void SetMtu(this NetlinkSocket socket, int index, int mtu) =>
        socket.Execute(new NetlinkRequest(Rt.SetLink, 0).Link(index).Attribute(Rt.IflaMtu, (uint)mtu), $"#{index} mtu {mtu}");

    public static void SetMacAddress(this NetlinkSocket socket, int index, string mac) =>
        socket.Execute(new NetlinkRequest(Rt.SetLink, 0).Link(index).Attribute(Rt.IflaAddress, MacAddress.Parse(mac)), $"#{index} address {mac}");

    public static void SetMaster(this NetlinkSocket socket, int index, int masterIndex) =>
        socket.Execute(new NetlinkRequest(Rt.SetLink, 0).Link(index).Attribute(Rt.IflaMaster, (uint)masterIndex), $"#{index} master #{masterIndex}");

    /// <summary>Renames an interface; the kernel only allows it while the interface is down.</summary>
    public static void Rename(this NetlinkSocket socket, int index, string name) =>
        socket.Execute(new NetlinkRequest(Rt.SetLink, 0).Link(index).Attribute(Rt.IflaIfname, name), $"#{index} name {name}");

    /// <summary>Deletes the interface (a veth takes its peer along); false when there was none.</summary>
    public static bool DeleteLink(this NetlinkSocket socket, string name)
    {
        try
        {
            socket.Execute(new NetlinkRequest(Rt.DelLink, 0).Link(0).Attribute(Rt.IflaIfname, name), name);
            return true;
        }
        catch (SystemCallException e) when (e.ErrorNumber == Errno.ENODEV) { return false; }
    }
}
