using Platform.Networking.Addressing;
using Xunit;

namespace Platform.Networking.Tests.Unit.Addressing;

public sealed class ProcNetRoutesTests
{
    [Fact]
    public void Routes_are_read_little_endian_and_the_default_route_is_left_out()
    {
        string[] lines =
        [
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
            "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0",
            "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
            "wg0\t0000140A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0",
        ];

        Assert.Equal(["192.0.2.0/24", "10.20.0.0/16"], ProcNetRoutes.Parse(lines).Select(s => s.ToString()));
    }
}
