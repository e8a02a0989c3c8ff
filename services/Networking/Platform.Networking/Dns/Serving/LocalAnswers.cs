using System.Net;
using System.Net.Sockets;
using Platform.Networking.Dns.Protocol;

namespace Platform.Networking.Dns.Serving;

/// <summary>
/// Docker's embedded-DNS answers: a known name gets its addresses of the asked family (A or AAAA, shuffled for
/// round robin; none, with NOERROR, when it has only the other family or another type is asked); an unknown name
/// is NXDOMAIN, or goes upstream when a forwarder is configured.
/// </summary>
static class LocalAnswers
{
    /// <summary>The answer's length in <paramref name="into"/>, or null when the query is to be forwarded.</summary>
    public static int? TryAnswer(DnsQuery query, IPAddress client, IDnsNames names, bool canForward, Span<byte> into)
    {
        if (query.Opcode != 0) return DnsResponse.Write(query, DnsRcode.NotImplemented, false, [], into);
        var known = query.Class is DnsClass.Internet or DnsClass.Any ? names.Resolve(client, query.Name.ToLowerInvariant()) : [];
        if (known.Count == 0)
            return canForward ? null : DnsResponse.Write(query, DnsRcode.NameError, true, [], into);
        var records = known.Where(a => a.AddressFamily == Family(query.Type)).ToArray();
        Random.Shared.Shuffle(records);
        return DnsResponse.Write(query, DnsRcode.NoError, true, records, into);
    }

    public static int ServerFailure(DnsQuery query, Span<byte> into) => DnsResponse.Write(query, DnsRcode.ServerFailure, false, [], into);

    static AddressFamily Family(DnsType type) => type switch
    {
        DnsType.A => AddressFamily.InterNetwork,
        DnsType.Aaaa => AddressFamily.InterNetworkV6,
        _ => AddressFamily.Unknown,
    };
}
