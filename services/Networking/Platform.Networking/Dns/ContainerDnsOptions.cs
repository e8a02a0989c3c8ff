using System.Net;

namespace Platform.Networking.Dns;

/// <summary>
/// Container DNS settings, from <c>Networking:Dns</c>: <c>Port</c> (53), <c>Upstream</c> (servers for names no
/// container has, each <c>ip[:port]</c>, as a list or comma-separated; none by default, so unknown names are
/// NXDOMAIN) and <c>ForwardTimeoutMs</c> (2000, per upstream server).
/// </summary>
public sealed record ContainerDnsOptions
{
    public int Port { get; init; } = 53;
    public IReadOnlyList<IPEndPoint> Upstream { get; init; } = [];
    public TimeSpan ForwardTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public static ContainerDnsOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Networking:Dns");
        var upstream = section.GetSection("Upstream");
        var entries = upstream.Value is { } single ? single.Split(',') : upstream.GetChildren().Select(c => c.Value ?? "");
        return new ContainerDnsOptions
        {
            Port = section.GetValue("Port", 53),
            Upstream = entries.Select(e => e.Trim()).Where(e => e.Length > 0).Select(Server).ToList(),
            ForwardTimeout = TimeSpan.FromMilliseconds(section.GetValue("ForwardTimeoutMs", 2000)),
        };
    }

    static IPEndPoint Server(string entry) =>
        IPEndPoint.TryParse(entry, out var server)
            ? server.Port == 0 ? new IPEndPoint(server.Address, 53) : server
            : throw new FormatException($"Networking:Dns:Upstream: '{entry}' is not ip[:port]");
}
