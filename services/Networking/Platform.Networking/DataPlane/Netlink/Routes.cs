using System.Net;

namespace Platform.Networking.DataPlane.Netlink;

/// <summary>IPv4 routes in the main table.</summary>
internal static class Routes
{
    /// <summary>The default route via <paramref name="gateway"/> out of the interface, replacing any other default.</summary>
    public static void ReplaceDefaultRoute(this NetlinkSocket socket, int index, IPAddress gateway) =>
        socket.Execute(new NetlinkRequest(Rt.NewRoute, Rt.Create | Rt.Replace).Route(0)
            .Attribute(Rt.RtaGateway, gateway.GetAddressBytes()).Attribute(Rt.RtaOif, (uint)index), $"default via {gateway}");
}
