using System.Net;
using System.Net.Sockets;
using Platform.Networking.Ports;
using Xunit;

namespace Platform.Networking.Tests.Integration.Ports;

public sealed class PortTakenTests : PublisherTest
{
    [Fact]
    public async Task A_taken_port_fails_the_whole_call_with_Dockers_error_and_leaves_nothing_bound()
    {
        var (free, freeUdp, taken) = (Loopback.FreePort(), Loopback.FreePort(), Loopback.FreePort());
        using var occupant = new TcpListener(IPAddress.Loopback, taken);
        occupant.Start();

        var error = await Assert.ThrowsAsync<PortError>(() => PublishAsync(
            new PortRequest("tcp", "", free, IPAddress.Loopback, 80),
            new PortRequest("udp", "", freeUdp, IPAddress.Loopback, 53),
            new PortRequest("tcp", "", taken, IPAddress.Loopback, 8080)));

        Assert.Equal((500, $"Bind for 0.0.0.0:{taken} failed: port is already allocated"), (error.Status, error.Message));
        Assert.True(Loopback.CanBind("tcp", IPAddress.Any, free));
        Assert.True(Loopback.CanBind("tcp", IPAddress.IPv6Any, free));
        Assert.True(Loopback.CanBind("udp", IPAddress.Any, freeUdp));
        Assert.True(Loopback.CanBind("udp", IPAddress.IPv6Any, freeUdp));
    }

    [Fact]
    public async Task An_explicit_address_names_itself_in_the_error()
    {
        using var occupant = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var taken = ((IPEndPoint)occupant.Client.LocalEndPoint!).Port;

        var error = await Assert.ThrowsAsync<PortError>(() => PublishAsync(new PortRequest("udp", "127.0.0.1", taken, IPAddress.Loopback, 53)));

        Assert.Equal($"Bind for 127.0.0.1:{taken} failed: port is already allocated", error.Message);
    }

    [Fact]
    public async Task An_ephemeral_pick_steps_over_ports_already_in_use()
    {
        var first = Loopback.FreePort();
        using var occupant = new TcpListener(IPAddress.Any, first);
        occupant.Start();
        var options = new PortPublisherOptions { EphemeralFirst = first, EphemeralLast = first + 50 };
        await using var publisher = new PortPublisher(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<PortPublisher>.Instance);

        var published = await publisher.PublishAsync("c1", [new PortRequest("tcp", "", 0, IPAddress.Loopback, 80)], CancellationToken.None);

        Assert.All(published, p => Assert.InRange(p.HostPort, first + 1, first + 50));
    }
}
