using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Platform.Gateway.Tests.Integration.Support;
using Xunit;

namespace Platform.Gateway.Tests.Integration;

/// <summary>TCP is loopback-only unless TLS is configured; with TLS the Docker listener is HTTPS, hijacks included.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("0.0.0.0", "2375", "0")]
    [InlineData("192.0.2.10", "0", "5000")]
    public async Task A_non_loopback_tcp_address_without_tls_is_refused(string address, string tcpPort, string registryPort)
    {
        var (exitCode, output) = await GatewayProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Gateway__Socket"] = "",
            ["Gateway__TcpAddress"] = address,
            ["Gateway__TcpPort"] = tcpPort,
            ["Gateway__RegistryPort"] = registryPort,
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"refusing to start: Gateway:TcpAddress {address} is not a loopback address and no TLS certificate is configured", output);
    }

    [Fact]
    public async Task A_socket_another_process_serves_is_not_taken_over()
    {
        var directory = Directory.CreateTempSubdirectory("platform-gw-live-").FullName;
        var path = Path.Combine(directory, "docker.sock");
        try
        {
            using var other = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            other.Bind(new UnixDomainSocketEndPoint(path));
            other.Listen();

            var (exitCode, output) = await GatewayProcess.RunToExitAsync(new Dictionary<string, string>
            {
                ["Gateway__Socket"] = path,
                ["Gateway__TcpPort"] = "0",
                ["Gateway__RegistryPort"] = "0",
            });

            Assert.NotEqual(0, exitCode);
            Assert.Contains($"refusing to start: {path} is already served by another process", output);
            Assert.True(File.Exists(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_stale_socket_file_left_by_a_crash_is_replaced()
    {
        await using var runtime = new FakeRuntime();
        await using var gateway = await GatewayProcess.StartAsync(
            new Dictionary<string, string> { ["runtime"] = runtime.Address }, beforeStart: socketPath =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(socketPath)!);
                using var crashed = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                crashed.Bind(new UnixDomainSocketEndPoint(socketPath));   // the file stays; nobody listens
            });

        using var client = gateway.UnixSocketClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task With_a_certificate_the_tcp_listener_speaks_https_and_still_hijacks()
    {
        var directory = Directory.CreateTempSubdirectory("platform-gw-tls-").FullName;
        try
        {
            var (certificatePath, keyPath) = WriteSelfSignedCertificate(directory);
            await using var runtime = new FakeRuntime();
            await using var gateway = await GatewayProcess.StartAsync(
                new Dictionary<string, string> { ["runtime"] = runtime.Address },
                new Dictionary<string, string>
                {
                    ["Gateway__Tls__CertificatePath"] = certificatePath,
                    ["Gateway__Tls__KeyPath"] = keyPath,
                });

            using var https = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
            var notFound = await https.GetAsync($"https://127.0.0.1:{gateway.TcpPort}/v1.51/nope");
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);

            await using var client = await RawClient.ConnectTcpAsync(gateway.TcpPort);
            await using var tls = new SslStream(new NetworkStream(client.Socket), leaveInnerStreamOpen: true, (_, _, _, _) => true);
            await tls.AuthenticateAsClientAsync("localhost");
            await tls.WriteAsync(Encoding.Latin1.GetBytes(
                "POST /_platform/echo HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nhello over tls"));
            var expected = FakeRuntime.UpgradedRawHead + "hello over tls";
            var received = new byte[expected.Length];
            await tls.ReadExactlyAsync(received);
            Assert.Equal(expected, Encoding.Latin1.GetString(received));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    static (string Certificate, string Key) WriteSelfSignedCertificate(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var (certificatePath, keyPath) = (Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.pem"));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
