namespace Platform.Networking.DataPlane.Netlink;

/// <summary>Creating bridges and veth pairs.</summary>
internal static class LinkCreation
{
    public static void CreateBridge(this NetlinkSocket socket, string name, int mtu)
    {
        var request = new NetlinkRequest(Rt.NewLink, Rt.Create | Rt.Excl).Link(0)
            .Attribute(Rt.IflaIfname, name).Attribute(Rt.IflaMtu, (uint)mtu);
        var info = request.Begin(Rt.IflaLinkinfo);
        request.Attribute(Rt.IflaInfoKind, "bridge").End(info);
        socket.Execute(request, name);
    }

    /// <summary>
    /// One request makes the whole pair: the host end up and enslaved to <see cref="VethPair.MasterIndex"/>, and the
    /// peer created straight inside the namespace behind <see cref="VethPair.PeerNamespaceFd"/> under its final
    /// name, with its MAC address and MTU. The peer stays down: the kernel cannot open it before the pair is
    /// registered (ENOTCONN), so its namespace brings it up. Fails with EEXIST when either name is taken.
    /// </summary>
    public static void CreateVeth(this NetlinkSocket socket, VethPair pair)
    {
        var request = new NetlinkRequest(Rt.NewLink, Rt.Create | Rt.Excl).Link(0, Rt.IffUp, Rt.IffUp)
            .Attribute(Rt.IflaIfname, pair.Name).Attribute(Rt.IflaMtu, (uint)pair.Mtu);
        if (pair.MasterIndex > 0) request.Attribute(Rt.IflaMaster, (uint)pair.MasterIndex);
        var info = request.Begin(Rt.IflaLinkinfo);
        request.Attribute(Rt.IflaInfoKind, "veth");
        var data = request.Begin(Rt.IflaInfoData);
        var peer = request.Begin(Rt.VethInfoPeer);
        request.Link(0).Attribute(Rt.IflaIfname, pair.PeerName).Attribute(Rt.IflaMtu, (uint)pair.Mtu);
        if (pair.PeerMacAddress is { } mac) request.Attribute(Rt.IflaAddress, MacAddress.Parse(mac));
        if (pair.PeerNamespaceFd >= 0) request.Attribute(Rt.IflaNetNsFd, (uint)pair.PeerNamespaceFd);
        request.End(peer).End(data).End(info);
        socket.Execute(request, $"{pair.Name} peer {pair.PeerName}");
    }
}

/// <param name="PeerNamespaceFd">An open namespace file for the peer's namespace, or -1 for this one.</param>
internal sealed record VethPair(string Name, string PeerName, int Mtu, int MasterIndex = 0, string? PeerMacAddress = null, int PeerNamespaceFd = -1);
