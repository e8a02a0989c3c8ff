namespace Platform.Networking.Dns.Protocol;

/// <summary>The record types and codes this server speaks of (RFC 1035 §3.2.2, §4.1.1; RFC 3596).</summary>
enum DnsType : ushort
{
    A = 1,
    Aaaa = 28,
}

static class DnsClass
{
    public const ushort Internet = 1;
    public const ushort Any = 255;
}

enum DnsRcode : byte
{
    NoError = 0,
    ServerFailure = 2,
    NameError = 3,
    NotImplemented = 4,
}
