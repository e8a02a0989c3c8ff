using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Networking.Ports;
using Xunit;

namespace Platform.Networking.Tests.Integration.Ports;

public sealed class UdpPublishingTests : PublisherTest
{
    // Long enough that a busy machine never expires a client's upstream socket between its datagrams here.
    protected override PortPublisherOptions Options => new() { UdpIdleTimeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Datagrams_reach_the_container_and_replies_come_back_to_each_client()
    {
        using var container = new UdpContainer();
        var port = await PublishAsync(container.Port);
        using var first = new UdpClient(AddressFamily.InterNetwork);
        using var second = new UdpClient(AddressFamily.InterNetwork);

        Assert.Equal("one", await RoundTripAsync(first, port, "one"));
        Assert.Equal("two", await RoundTripAsync(second, port, "two"));
        Assert.Equal("three", await RoundTripAsync(first, port, "three"));

        Assert.Equal(2, container.Senders.Distinct().Count());
    }

    async Task<int> PublishAsync(int containerPort) =>
        Assert.Single(await PublishAsync(new PortRequest("udp", "127.0.0.1", 0, IPAddress.Loopback, containerPort))).HostPort;

    internal static async Task<string> RoundTripAsync(UdpClient client, int port, string text)
    {
        await client.SendAsync(Encoding.ASCII.GetBytes(text), new IPEndPoint(IPAddress.Loopback, port));
        var reply = await client.ReceiveAsync().WaitAsync(Loopback.Patience);
        return Encoding.ASCII.GetString(reply.Buffer);
    }
}

/// <summary>Expiry on its own, with a short idle timeout the round-trip test above must not be exposed to.</summary>
public sealed class UdpExpiryTests : PublisherTest
{
    protected override PortPublisherOptions Options => new() { UdpIdleTimeout = TimeSpan.FromMilliseconds(300) };

    [Fact]
    public async Task An_idle_client_gets_a_fresh_upstream_socket_after_expiry()
    {
        using var container = new UdpContainer();
        var port = Assert.Single(await PublishAsync(new PortRequest("udp", "127.0.0.1", 0, IPAddress.Loopback, container.Port))).HostPort;
        using var client = new UdpClient(AddressFamily.InterNetwork);

        await UdpPublishingTests.RoundTripAsync(client, port, "before");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await UdpPublishingTests.RoundTripAsync(client, port, "after");

        Assert.Equal(2, container.Senders.Distinct().Count());
    }
}
