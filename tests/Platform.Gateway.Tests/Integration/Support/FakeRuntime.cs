using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Gateway.Tests.Integration.Support;

/// <summary>
/// A runtime backend on a raw TCP socket that answers hijack requests the way the real runtime must:
/// <c>/_platform/echo</c> → 101 then echo until the client half-closes; <c>/exec/{id}/start</c> → reads the
/// JSON body, 101 (or 200 raw without Upgrade) then "ran:" + body; <c>/containers/{id}/attach</c> → 200 raw
/// stream (or 101) then <see cref="AttachOutput"/>. Records every head and body it received, by exec/container id.
/// </summary>
public sealed class FakeRuntime : IAsyncDisposable
{
    public const string UpgradedRawHead =
        "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
    public const string UpgradedMultiplexedHead =
        "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
    public const string RawStreamOkHead = "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n";

    public static readonly byte[] AttachOutput = Enumerable.Range(0, 256 * 1024).Select(i => (byte)(i * 7 % 251)).ToArray();

    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    readonly Task _accepting;

    public FakeRuntime()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>What arrived, keyed by the id segment of the path (or "echo").</summary>
    public ConcurrentDictionary<string, (string Head, byte[] Body)> Received { get; } = new();

    async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(socket));
            }
        }
        catch (OperationCanceledException) { }
    }

    async Task ServeAsync(Socket socket)
    {
        try
        {
            await ServeHijackAsync(socket);
        }
        catch (Exception e) when (e is IOException or SocketException or EndOfStreamException)
        {
            socket.Dispose();   // the test sees the connection drop
        }
    }

    async Task ServeHijackAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var (head, rest) = await ReadHeadAsync(stream);
        var lines = head.Split("\r\n");
        var path = lines[0].Split(' ')[1].Split('?')[0];
        var headers = lines.Skip(1).Where(l => l.Contains(':'))
            .ToDictionary(l => l[..l.IndexOf(':')].Trim(), l => l[(l.IndexOf(':') + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
        var upgrade = headers.ContainsKey("Upgrade");
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);

        if (path.EndsWith("/_platform/echo", StringComparison.Ordinal))
        {
            Received[segments[^1]] = (head, []);
            await stream.WriteAsync(Encoding.Latin1.GetBytes(UpgradedRawHead));
            await stream.WriteAsync(rest);
            await stream.CopyToAsync(stream);   // until the client half-closes
        }
        else if (path.EndsWith("/start", StringComparison.Ordinal))
        {
            var length = int.Parse(headers.GetValueOrDefault("Content-Length", "0"), CultureInfo.InvariantCulture);
            var body = new byte[length];
            rest.AsSpan(0, Math.Min(length, rest.Length)).CopyTo(body);
            if (length > rest.Length) await stream.ReadExactlyAsync(body.AsMemory(rest.Length));
            Received[segments[^2]] = (head, body);
            await stream.WriteAsync(Encoding.Latin1.GetBytes(upgrade ? UpgradedMultiplexedHead : RawStreamOkHead));
            await stream.WriteAsync("ran:"u8.ToArray().Concat(body).ToArray());
        }
        else if (path.EndsWith("/attach", StringComparison.Ordinal))
        {
            Received[segments[^2]] = (head, rest);
            await stream.WriteAsync(Encoding.Latin1.GetBytes(upgrade ? UpgradedRawHead : RawStreamOkHead));
            await stream.WriteAsync(AttachOutput);
        }
        socket.Shutdown(SocketShutdown.Both);
    }

    static async Task<(string Head, byte[] Remainder)> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var all = buffer.ToArray();
            var end = all.AsSpan().IndexOf("\r\n\r\n"u8);
            if (end >= 0) return (Encoding.Latin1.GetString(all, 0, end + 4), all[(end + 4)..]);
            var read = await stream.ReadAsync(chunk);
            if (read == 0) throw new EndOfStreamException("EOF inside a request head");
            buffer.Write(chunk, 0, read);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
    }
}
