using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Networking.Dns;
using Platform.Networking.Dns.Names;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Networking.Tests.Integration.Dns;

/// <summary>
/// busybox nslookup, the resolver tool in busybox images, against the server. It only speaks to port 53, so the
/// server takes 127.0.0.153:53 (an otherwise unused loopback address); without busybox or that port it says so.
/// </summary>
public sealed class BusyboxNslookupTests(ITestOutputHelper output)
{
    static readonly IPAddress Address = IPAddress.Parse("127.0.0.153");

    [Fact]
    public async Task Busybox_nslookup_resolves_a_container_and_reports_an_unknown_name()
    {
        if (!File.Exists("/bin/busybox")) { output.WriteLine("no /bin/busybox here: not run"); return; }
        var names = new DnsNames();
        names.Register("front", "ep-client", IPAddress.Loopback, ["client"]);
        names.Register("front", "ep-web", IPAddress.Parse("10.0.0.2"), ["web"]);
        await using var dns = new ContainerDns(names, new ContainerDnsOptions(), NullLogger<ContainerDns>.Instance);
        try { await dns.ListenAsync(Address, CancellationToken.None); }
        catch (SocketException e) { output.WriteLine($"{Address}:53 unavailable ({e.SocketErrorCode}): not run"); return; }

        var (found, foundOutput) = await NslookupAsync("web");
        var (missing, missingOutput) = await NslookupAsync("nobody");

        Assert.True(found == 0, foundOutput);
        Assert.Contains("Address: 10.0.0.2", foundOutput);
        Assert.NotEqual(0, missing);
        Assert.Contains("NXDOMAIN", missingOutput);
    }

    async Task<(int ExitCode, string Output)> NslookupAsync(string name)
    {
        var start = new ProcessStartInfo("/bin/busybox", ["nslookup", name, Address.ToString()]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        output.WriteLine($"$ busybox nslookup {name} {Address}\n{text}");
        return (process.ExitCode, text);
    }
}
