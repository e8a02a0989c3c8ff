using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Networking.Dns;
using Platform.Networking.Dns.Names;
using Xunit;

namespace Platform.Networking.Tests.Integration.Dns;

/// <summary>A container DNS server on 127.0.0.1 at a free port, with the names of the test's networks.</summary>
public abstract class DnsServerTest : IAsyncLifetime
{
    protected static readonly IPAddress Client = IPAddress.Loopback;

    protected DnsNames Names { get; } = new();

    protected IPEndPoint Server { get; } = new(IPAddress.Loopback, FreeUdpPort());

    ContainerDns dns = null!;

    protected virtual ContainerDnsOptions Options => new() { Port = Server.Port };

    public async Task InitializeAsync()
    {
        dns = new ContainerDns(Names, Options, NullLogger<ContainerDns>.Instance);
        await dns.ListenAsync(Server.Address, CancellationToken.None);
    }

    public async Task DisposeAsync() => await dns.DisposeAsync();

    protected static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    protected Task<DnsWire.Reply?> AskAsync(string name, ushort type = DnsWire.A, IPAddress? from = null, ushort id = 0x1234) =>
        DnsWire.AskAsync(Server, DnsWire.Query(id, name, type), from ?? Client);
}
