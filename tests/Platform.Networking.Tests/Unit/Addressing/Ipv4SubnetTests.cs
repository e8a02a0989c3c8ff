using Platform.Networking.Addressing;
using Xunit;

namespace Platform.Networking.Tests.Unit.Addressing;

public sealed class Ipv4SubnetTests
{
    [Theory]
    [InlineData("172.18.0.0/16", "172.18.0.0", 16, "172.18.255.255", "172.18.0.1")]
    [InlineData("10.1.2.0/24", "10.1.2.0", 24, "10.1.2.255", "10.1.2.1")]
    [InlineData("0.0.0.0/0", "0.0.0.0", 0, "255.255.255.255", "0.0.0.1")]
    public void A_block_has_its_network_broadcast_and_first_host(string text, string network, int prefix, string broadcast, string first)
    {
        var subnet = Ipv4Subnet.Parse(text);

        Assert.Equal((network, prefix, broadcast, first, text),
            (Ipv4.Format(subnet.Network), subnet.Prefix, Ipv4.Format(subnet.Broadcast), Ipv4.Format(subnet.FirstHost), subnet.ToString()));
    }

    [Theory]
    [InlineData("banana", "invalid CIDR block notation")]
    [InlineData("10.0.0.0", "invalid CIDR block notation")]
    [InlineData("10.0.0.0/33", "invalid CIDR block notation")]
    [InlineData("10.0.0/8", "invalid CIDR block notation")]
    [InlineData("fd00::/64", "invalid CIDR block notation")]
    [InlineData("10.1.2.3/16", "it should be 10.1.0.0/16")]
    public void Invalid_blocks_are_refused_with_the_reason(string text, string problem)
    {
        Assert.False(Ipv4Subnet.TryParse(text, out _, out var reason));
        Assert.Equal(problem, reason);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.200.0.0/16", true)]
    [InlineData("10.200.0.0/16", "10.0.0.0/8", true)]
    [InlineData("192.168.0.0/20", "192.168.16.0/20", false)]
    [InlineData("172.18.0.0/16", "172.19.0.0/16", false)]
    public void Overlap_is_symmetric(string a, string b, bool overlaps) =>
        Assert.Equal(overlaps, Ipv4Subnet.Parse(a).Overlaps(Ipv4Subnet.Parse(b)));

    [Fact]
    public void The_MAC_of_an_address_is_02_42_and_its_four_bytes() =>
        Assert.Equal("02:42:ac:12:00:02", Ipv4.MacFor(Ipv4Subnet.Parse("172.18.0.2/32").Network));
}
