using System.Net;
using System.Net.Sockets;
using Platform.Networking.Dns;
using Xunit;

namespace Platform.Networking.Tests.Integration.Dns;

public sealed class ForwardingTests : DnsServerTest, IDisposable
{
    readonly UdpClient upstream = new(new IPEndPoint(IPAddress.Loopback, 0));
    readonly UdpClient silent = new(new IPEndPoint(IPAddress.Loopback, 0));

    public ForwardingTests()
    {
        Names.Register("front", "ep-client", Client, ["client"]);
        _ = AnswerAsUpstreamAsync();
    }

    protected override ContainerDnsOptions Options => new()
    {
        Port = Server.Port,
        Upstream = [(IPEndPoint)silent.Client.LocalEndPoint!, (IPEndPoint)upstream.Client.LocalEndPoint!],
        ForwardTimeout = TimeSpan.FromMilliseconds(300),
    };

    /// <summary>Answers every query for 192.0.2.7, non-authoritatively, as a recursive resolver would.</summary>
    async Task AnswerAsUpstreamAsync()
    {
        var received = await upstream.ReceiveAsync();
        var query = received.Buffer;
        byte[] answer = [.. query[..2], 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, .. query[12..], 0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4, 192, 0, 2, 7];
        await upstream.SendAsync(answer, received.RemoteEndPoint);
    }

    [Fact]
    public async Task An_unknown_name_is_relayed_from_the_first_upstream_that_answers()
    {
        var reply = await AskAsync("example.org", id: 0x4242);

        Assert.NotNull(reply);
        Assert.Equal((0x4242, 0, false), (reply.Id, reply.Rcode, reply.Authoritative));
        Assert.Equal([(DnsWire.A, 30u, IPAddress.Parse("192.0.2.7"))], reply.Answers);
    }

    [Fact]
    public async Task A_container_name_is_still_answered_here() =>
        Assert.Equal(("127.0.0.1", true), ((await AskAsync("client"))!.Addresses.Single(), (await AskAsync("client"))!.Authoritative));

    public void Dispose()
    {
        upstream.Dispose();
        silent.Dispose();
    }
}

public sealed class UnreachableUpstreamTests : DnsServerTest
{
    readonly UdpClient silent = new(new IPEndPoint(IPAddress.Loopback, 0));

    protected override ContainerDnsOptions Options => new()
    {
        Port = Server.Port, Upstream = [(IPEndPoint)silent.Client.LocalEndPoint!], ForwardTimeout = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task An_upstream_that_does_not_answer_in_time_is_SERVFAIL() =>
        Assert.Equal(2, (await AskAsync("example.org"))!.Rcode);
}
