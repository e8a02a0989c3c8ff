using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Platform.Benchmarks.Engines;

/// <summary>A Docker API address (unix:// or tcp://) and raw HTTP clients for it.</summary>
public sealed record DockerEndpoint(Uri Host)
{
    public static DockerEndpoint Unix(string socketPath) => new(new Uri("unix://" + socketPath));

    public string? SocketPath => Host.Scheme == "unix" ? Host.AbsolutePath : null;

    /// <summary>DOCKER_HOST as the CLI expects it.</summary>
    public string DockerHost => Host.Scheme == "unix" ? "unix://" + Host.AbsolutePath : $"tcp://{Host.Host}:{Host.Port}";

    /// <summary>
    /// A raw client; with one connection, reused (keep-alive). Send <c>Connection: close</c> per request
    /// to get a new connection each time. <paramref name="onConnect"/> is called for each new connection.
    /// </summary>
    public HttpClient CreateHttpClient(TimeSpan? timeout = null, Action? onConnect = null)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 1, AllowAutoRedirect = false };
        Uri baseAddress;
        if (SocketPath is { } path)
        {
            baseAddress = new Uri("http://docker/");
            handler.ConnectCallback = async (_, ct) =>
            {
                onConnect?.Invoke();
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        else
        {
            baseAddress = new Uri($"http://{Host.Host}:{(Host.Port > 0 ? Host.Port : 2375)}/");
            if (onConnect is not null)
                handler.ConnectCallback = async (context, ct) =>
                {
                    onConnect();
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                };
        }
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary><c>GET /_ping</c>: null when it answers 200, otherwise why not.</summary>
    public async Task<string?> PingProblemAsync(CancellationToken ct)
    {
        if (SocketPath is { } path && !File.Exists(path))
            return $"no socket at {path}";
        try
        {
            using var client = CreateHttpClient(TimeSpan.FromSeconds(3));
            using var response = await client.GetAsync("_ping", ct);
            return response.IsSuccessStatusCode ? null : $"GET /_ping answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return $"GET /_ping failed: {e.GetBaseException().Message}";
        }
    }

    /// <summary>"Version (API ApiVersion)" from <c>GET /version</c>, or null.</summary>
    public async Task<string?> VersionAsync(CancellationToken ct)
    {
        try
        {
            using var client = CreateHttpClient(TimeSpan.FromSeconds(10));
            var version = await client.GetFromJsonAsync<JsonElement>("version", ct);
            var v = version.TryGetProperty("Version", out var x) ? x.GetString() : "?";
            var api = version.TryGetProperty("ApiVersion", out var y) ? y.GetString() : "?";
            return $"{v} (API {api})";
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
