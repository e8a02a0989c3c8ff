using System.Net;
using System.Net.Sockets;

namespace Platform.Events.Webhooks.Sending;

/// <summary>
/// Where a webhook may not go: link-local addresses (169.254/16, fe80::/10, which hold cloud metadata services), the
/// other metadata endpoints, unspecified, multicast and broadcast addresses, and the metadata host names. Loopback and
/// private networks are allowed: receivers on this machine and in the operator's network are the common case.
/// </summary>
public static class WebhookAddresses
{
    static readonly IPAddress[] Metadata = [IPAddress.Parse("fd00:ec2::254"), IPAddress.Parse("100.100.100.200")];

    static readonly HashSet<string> MetadataNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
    };

    /// <returns>why the address is refused, or null when it may be used.</returns>
    public static string? Refusal(IPAddress address, bool allowLinkLocal)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return "an unspecified address";
        if (address.Equals(IPAddress.Broadcast)) return "the broadcast address";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            if (bytes[0] >= 224 && bytes[0] <= 239) return "a multicast address";
            if (bytes[0] == 169 && bytes[1] == 254 && !allowLinkLocal) return "a link-local address (cloud metadata lives there)";
        }
        else
        {
            if (address.IsIPv6Multicast) return "a multicast address";
            if (address.IsIPv6LinkLocal && !allowLinkLocal) return "a link-local address (cloud metadata lives there)";
        }
        if (!allowLinkLocal && Metadata.Contains(address)) return "a cloud metadata address";
        return null;
    }

    public static string? Refusal(string host, bool allowLinkLocal) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var address) ? Refusal(address, allowLinkLocal)
        : !allowLinkLocal && MetadataNames.Contains(host.TrimEnd('.')) ? "a cloud metadata host" : null;
}
