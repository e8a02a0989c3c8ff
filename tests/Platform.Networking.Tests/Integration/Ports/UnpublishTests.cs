using System.Net;
using System.Net.Sockets;
using Platform.Networking.Ports;
using Xunit;

namespace Platform.Networking.Tests.Integration.Ports;

public sealed class UnpublishTests : PublisherTest
{
    [Fact]
    public async Task Unpublishing_frees_the_ports_for_a_new_publish()
    {
        var port = Loopback.FreePort();
        PortRequest[] requests = [new("tcp", "", port, IPAddress.Loopback, 80), new("udp", "", port, IPAddress.Loopback, 53)];
        await PublishAsync(requests);

        await Publisher.UnpublishAsync("c1");

        Assert.Equal(4, (await Publisher.PublishAsync("c2", requests, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Unpublishing_closes_live_connections()
    {
        using var container = TcpContainer.Echo();
        var published = Assert.Single(await PublishAsync(new PortRequest("tcp", "127.0.0.1", 0, IPAddress.Loopback, container.Port)));
        using var client = await Loopback.ConnectAsync(IPAddress.Loopback, published.HostPort);
        await Loopback.SendAsync(client, "x");
        Assert.Equal(1, await client.ReceiveAsync(new byte[1].AsMemory()));

        await Publisher.UnpublishAsync("c1");

        Assert.Equal("", await Loopback.ReadToEndAsync(client));
        Assert.True(Loopback.CanBind("tcp", IPAddress.Loopback, published.HostPort));
    }

    [Fact]
    public async Task Unpublishing_an_unknown_owner_does_nothing() => await Publisher.UnpublishAsync("nobody");
}
