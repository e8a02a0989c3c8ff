using System.Net;
using Xunit;

namespace Platform.Networking.Tests.Integration.Dns;

public sealed class ResolvingTests : DnsServerTest
{
    public ResolvingTests()
    {
        Names.Register("front", "ep-client", Client, ["client"]);
        Names.Register("front", "ep-web", IPAddress.Parse("10.0.0.2"), ["web", "www", "0123456789ab"]);
        Names.Register("front", "ep-api1", IPAddress.Parse("10.0.0.3"), ["api1", "api"]);
        Names.Register("front", "ep-api2", IPAddress.Parse("10.0.0.4"), ["api2", "API"]);
        Names.Register("back", "ep-db", IPAddress.Parse("10.1.0.2"), ["db"]);
        Names.Register("back", "ep-other", IPAddress.Parse("127.0.0.2"), ["other"]);
    }

    [Fact]
    public async Task A_container_name_resolves_to_an_authoritative_A_answer_with_Dockers_TTL()
    {
        var reply = await AskAsync("web", id: 0xBEEF);

        Assert.NotNull(reply);
        Assert.Equal((0xBEEF, true, true, true, true, false, 0), (reply.Id, reply.IsResponse, reply.Authoritative, reply.RecursionDesired, reply.RecursionAvailable, reply.Truncated, reply.Rcode));
        Assert.Equal(1, reply.Questions);
        Assert.Equal([(DnsWire.A, 600u, IPAddress.Parse("10.0.0.2"))], reply.Answers);
    }

    [Theory]
    [InlineData("WWW.")]
    [InlineData("0123456789AB")]
    public async Task Aliases_and_short_ids_resolve_whatever_the_case(string name) =>
        Assert.Equal(["10.0.0.2"], (await AskAsync(name))!.Addresses);

    [Fact]
    public async Task An_alias_two_containers_share_returns_both_addresses() =>
        Assert.Equal(["10.0.0.3", "10.0.0.4"], (await AskAsync("api"))!.Addresses);

    [Fact]
    public async Task An_unknown_name_is_NXDOMAIN()
    {
        var reply = await AskAsync("nobody");

        Assert.Equal((3, 0), (reply!.Rcode, reply.Answers.Count));
    }

    [Fact]
    public async Task AAAA_for_a_name_with_only_IPv4_is_NOERROR_without_answers()
    {
        var reply = await AskAsync("web", DnsWire.Aaaa);

        Assert.Equal((0, 0, true), (reply!.Rcode, reply.Answers.Count, reply.Authoritative));
    }

    [Fact]
    public async Task A_client_sees_only_the_networks_it_is_on()
    {
        Assert.Equal(3, (await AskAsync("db", from: IPAddress.Loopback))!.Rcode);
        Assert.Equal(["10.1.0.2"], (await AskAsync("db", from: IPAddress.Parse("127.0.0.2")))!.Addresses);
        Assert.Equal(3, (await AskAsync("web", from: IPAddress.Parse("127.0.0.2")))!.Rcode);
    }

    [Fact]
    public async Task An_unregistered_endpoint_no_longer_resolves()
    {
        Names.Unregister("ep-web");

        Assert.Equal(3, (await AskAsync("web"))!.Rcode);
    }

    [Fact]
    public async Task Answers_beyond_a_UDP_message_are_cut_with_TC_set()
    {
        for (var i = 0; i < 40; i++) Names.Register("front", $"ep-many{i}", IPAddress.Parse($"10.0.1.{i + 1}"), ["many"]);

        var reply = await AskAsync("many");

        Assert.True(reply!.Truncated);
        Assert.InRange(reply.Answers.Count, 20, 30);
        Assert.All(reply.Answers, a => Assert.StartsWith("10.0.1.", a.Address.ToString()));
    }
}
