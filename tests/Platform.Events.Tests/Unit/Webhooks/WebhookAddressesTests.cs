using System.Net;
using Platform.Events.Webhooks.Sending;
using Xunit;

namespace Platform.Events.Tests.Unit.Webhooks;

public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.1.1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fd00:ec2::254")]
    [InlineData("100.100.100.200")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    public void Metadata_link_local_and_unroutable_addresses_are_refused(string address) =>
        Assert.NotNull(WebhookAddresses.Refusal(IPAddress.Parse(address), allowLinkLocal: false));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.1.10")]
    [InlineData("172.17.0.1")]
    public void Loopback_and_private_addresses_are_allowed(string address) =>
        Assert.Null(WebhookAddresses.Refusal(IPAddress.Parse(address), allowLinkLocal: false));

    [Fact]
    public void Link_local_can_be_allowed_but_never_the_unspecified_address()
    {
        Assert.Null(WebhookAddresses.Refusal(IPAddress.Parse("169.254.169.254"), allowLinkLocal: true));
        Assert.NotNull(WebhookAddresses.Refusal(IPAddress.Any, allowLinkLocal: true));
    }

    [Theory]
    [InlineData("metadata.google.internal", true)]
    [InlineData("METADATA.google.internal.", true)]
    [InlineData("instance-data", true)]
    [InlineData("[fe80::1]", true)]
    [InlineData("localhost", false)]
    [InlineData("hooks.example.com", false)]
    public void Host_names_of_metadata_services_are_refused(string host, bool refused) =>
        Assert.Equal(refused, WebhookAddresses.Refusal(host, allowLinkLocal: false) is not null);
}
