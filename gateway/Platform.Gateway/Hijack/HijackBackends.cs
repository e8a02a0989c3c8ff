using System.Net;
using Platform.ServiceDefaults.Hijack;
using Yarp.ReverseProxy;

namespace Platform.Gateway.Hijack;

/// <summary>
/// Where a hijacked connection goes: a destination of the runtime cluster, read from the live YARP
/// configuration (so <c>ReverseProxy__Clusters__runtime__Destinations__primary__Address</c> moves both the
/// proxied routes and the hijacks).
/// <para>
/// Extension point for per-host routing: when <c>/hosts/{host}/…</c> arrives, this is where the head's path
/// selects that host's runtime cluster (and the forwarded head drops the prefix). Not built yet.
/// </para>
/// </summary>
public sealed class HijackBackends(IProxyStateLookup proxyState)
{
    public const string RuntimeCluster = "runtime";

    public EndPoint? Resolve(RawRequestHead head)
    {
        if (!proxyState.TryGetCluster(RuntimeCluster, out var cluster)) return null;
        var destinations = cluster.DestinationsState.AvailableDestinations;
        if (destinations.Count == 0) destinations = cluster.DestinationsState.AllDestinations;
        if (destinations.Count == 0) return null;

        var address = new Uri(destinations[Random.Shared.Next(destinations.Count)].Model.Config.Address);
        if (address.Scheme != Uri.UriSchemeHttp)
            throw new NotSupportedException($"hijack to a {address.Scheme} destination is not supported: {address}");
        return IPAddress.TryParse(address.IdnHost, out var ip)
            ? new IPEndPoint(ip, address.Port)
            : new DnsEndPoint(address.IdnHost, address.Port);
    }
}
