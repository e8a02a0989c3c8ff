using Xunit;

namespace Platform.Networking.Tests.Integration.Dns;

public sealed class MalformedQueryTests : DnsServerTest
{
    public MalformedQueryTests() => Names.Register("front", "ep-client", Client, ["client"]);

    public static TheoryData<string, byte[]> Packets => new()
    {
        { "shorter than a header", [0x12, 0x34, 0x01] },
        { "no question", [0x12, 0x34, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
        { "a label past the end", [0x12, 0x34, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0, 10, (byte)'a', (byte)'b'] },
        { "a name without type and class", [0x12, 0x34, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0, 0] },
        { "a pointer to itself", [0x12, 0x34, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1] },
        { "a pointer loop", [0x12, 0x34, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0xC0, 12, 0, 1, 0, 1] },
        { "a reserved label type", [0x12, 0x34, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x41, (byte)'a', 0, 0, 1, 0, 1] },
        { "a response", [0x12, 0x34, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0, 0, 1, 0, 1] },
    };

    [Theory]
    [MemberData(nameof(Packets))]
    public async Task A_malformed_packet_gets_no_answer_and_the_server_keeps_answering(string what, byte[] packet)
    {
        Assert.Null(await DnsWire.AskAsync(Server, packet, waitMs: 300));

        var reply = await AskAsync("client");

        Assert.True(reply is { Rcode: 0 }, what);
        Assert.Equal(["127.0.0.1"], reply.Addresses);
    }
}
