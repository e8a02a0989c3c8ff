using System.Net;

namespace Platform.Networking.Dns;

/// <summary>
/// What container DNS answers from. Who asks decides what is visible: <paramref name="client"/> is the querier's
/// source address, <paramref name="name"/> is lower-case without the trailing dot. Empty when the name is unknown to
/// that client; IPv4 and IPv6 addresses may be mixed (A answers take the first kind, AAAA the second).
/// </summary>
public interface IDnsNames
{
    IReadOnlyList<IPAddress> Resolve(IPAddress client, string name);
}
