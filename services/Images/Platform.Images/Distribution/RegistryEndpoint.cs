using System.Net;

namespace Platform.Images.Distribution;

/// <summary>
/// Where a registry's v2 API is reached. <see cref="Name"/> is the registry as written in references;
/// <see cref="ApiHost"/> is what gets contacted (they differ only for Docker Hub).
/// </summary>
public sealed record RegistryEndpoint(string Name, string ApiHost, string Scheme, bool SkipTlsVerify, bool FallbackToHttp)
{
    public Uri BaseUri => new($"{Scheme}://{ApiHost}/");

    /// <summary>The key Docker stores credentials under (<c>auths</c> in config.json, <c>serveraddress</c>).</summary>
    public string AuthKey => DockerHub.Is(Name) ? DockerHub.AuthKey : Name;

    public bool IsPlainHttp => Scheme == Uri.UriSchemeHttp;

    /// <summary>The same registry over plain HTTP, for an insecure registry whose HTTPS attempt failed.</summary>
    public RegistryEndpoint AsPlainHttp() => this with { Scheme = Uri.UriSchemeHttp, SkipTlsVerify = false, FallbackToHttp = false };

    /// <summary>
    /// Loopback hosts get plain HTTP (Docker trusts 127.0.0.0/8 and ::1 as insecure); hosts listed in
    /// <paramref name="insecureRegistries"/> get HTTPS without verification, then HTTP; everyone else verified HTTPS.
    /// </summary>
    public static RegistryEndpoint Resolve(string registry, IReadOnlyCollection<string> insecureRegistries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        var name = registry.Trim().TrimEnd('/').ToLowerInvariant();
        if (DockerHub.Is(name)) return new(DockerHub.Domain, DockerHub.ApiHost, Uri.UriSchemeHttps, false, false);
        if (IsLoopback(HostOf(name))) return new(name, name, Uri.UriSchemeHttp, false, false);
        if (IsListedInsecure(name, insecureRegistries)) return new(name, name, Uri.UriSchemeHttps, true, true);
        return new(name, name, Uri.UriSchemeHttps, false, false);
    }

    /// <summary>The host part of <c>host[:port]</c>, without brackets for IPv6 literals.</summary>
    public static string HostOf(string hostAndPort)
    {
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']');
            return close > 0 ? hostAndPort[1..close] : hostAndPort;
        }
        var colon = hostAndPort.IndexOf(':');
        if (colon >= 0 && hostAndPort.IndexOf(':', colon + 1) >= 0) return hostAndPort; // bare IPv6 literal
        return colon >= 0 ? hostAndPort[..colon] : hostAndPort;
    }

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);

    static bool IsListedInsecure(string name, IReadOnlyCollection<string> entries)
    {
        var host = HostOf(name);
        foreach (var raw in entries)
        {
            var entry = StripScheme(raw.Trim()).TrimEnd('/').ToLowerInvariant();
            if (entry.Length == 0) continue;
            if (entry == name || entry == host) return true;
            if (entry.Contains('/') && IPNetwork.TryParse(entry, out var network)
                && IPAddress.TryParse(host, out var ip) && network.Contains(ip)) return true;
        }
        return false;
    }

    static string StripScheme(string entry)
    {
        var index = entry.IndexOf("://", StringComparison.Ordinal);
        return index >= 0 ? entry[(index + 3)..] : entry;
    }
}
