using System.Net;
using Platform.Networking.Ports;
using Xunit;

namespace Platform.Networking.Tests.Integration.Ports;

public sealed class TcpPublishingTests : PublisherTest
{
    [Fact]
    public async Task An_ephemeral_port_on_loopback_is_picked_from_Dockers_range_and_forwards()
    {
        using var container = TcpContainer.Echo();

        var published = Assert.Single(await PublishAsync(new PortRequest("tcp", "127.0.0.1", 0, IPAddress.Loopback, container.Port)));

        Assert.Equal(("tcp", "127.0.0.1", container.Port), (published.Protocol, published.HostIp, published.TargetPort));
        Assert.InRange(published.HostPort, 32768, 60999);
        Assert.Equal("ping", await RoundTripAsync(IPAddress.Loopback, published.HostPort, "ping"));
    }

    [Fact]
    public async Task An_explicit_port_is_bound_as_asked()
    {
        using var container = TcpContainer.Echo();
        var port = Loopback.FreePort();

        var published = await PublishAsync(new PortRequest("tcp", "127.0.0.1", port, IPAddress.Loopback, container.Port));

        Assert.Equal([new PublishedPort("tcp", "127.0.0.1", port, container.Port)], published);
        Assert.Equal("hello", await RoundTripAsync(IPAddress.Loopback, port, "hello"));
    }

    [Fact]
    public async Task All_addresses_bind_IPv4_and_IPv6_on_the_same_ephemeral_port_and_report_both()
    {
        using var container = TcpContainer.Echo();

        var published = await PublishAsync(new PortRequest("tcp", "", 0, IPAddress.Loopback, 80), new PortRequest("tcp", "", 0, IPAddress.Loopback, container.Port));

        Assert.Equal(["0.0.0.0", "::", "0.0.0.0", "::"], published.Select(p => p.HostIp));
        Assert.Equal(published[0].HostPort, published[1].HostPort);
        Assert.Equal(published[2].HostPort, published[3].HostPort);
        Assert.NotEqual(published[0].HostPort, published[2].HostPort);
        Assert.Equal("v4", await RoundTripAsync(IPAddress.Loopback, published[2].HostPort, "v4"));
        Assert.Equal("v6", await RoundTripAsync(IPAddress.IPv6Loopback, published[3].HostPort, "v6"));
    }

    [Fact]
    public async Task A_container_that_refuses_the_connection_gets_the_client_closed()
    {
        var nobodyListens = Loopback.FreePort();
        var published = Assert.Single(await PublishAsync(new PortRequest("tcp", "127.0.0.1", 0, IPAddress.Loopback, nobodyListens)));

        using var client = await Loopback.ConnectAsync(IPAddress.Loopback, published.HostPort);

        Assert.Equal("", await Loopback.ReadToEndAsync(client));
    }

    static async Task<string> RoundTripAsync(IPAddress address, int port, string text)
    {
        using var client = await Loopback.ConnectAsync(address, port);
        await Loopback.SendAsync(client, text);
        client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        return await Loopback.ReadToEndAsync(client);
    }
}
