using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// A real HTTP listener answering GET /containers/json?all=1 in the runtime's documented Docker shape (container
/// summaries), with the containers a test sets. <see cref="Unreachable"/> makes it reset every connection, as a
/// runtime that is down would. A contract test of what images reads, not a fake of images itself.
/// </summary>
public sealed class RuntimeContainerList : IAsyncDisposable
{
    readonly HttpListener _listener = new();
    readonly Task _serving;
    volatile IReadOnlyList<(string Id, string ImageId, string State)> _containers = [];

    public RuntimeContainerList()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public volatile bool Unreachable;
    public int Requests;

    public void Set(params (string Id, string ImageId, string State)[] containers) => _containers = containers;

    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (!_listener.IsListening) { return; }
            Interlocked.Increment(ref Requests);
            if (Unreachable) { context.Response.Abort(); continue; }
            var ok = context.Request.HttpMethod == "GET" && context.Request.Url!.AbsolutePath == "/containers/json" && context.Request.QueryString["all"] == "1";
            var body = ok ? Summaries() : """{"message":"page not found"}""";
            context.Response.StatusCode = ok ? 200 : 404;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body + "\n");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    /// <summary>Docker's container summary, with the fields a client sees (more than images reads).</summary>
    string Summaries() => JsonSerializer.Serialize(_containers.Select(c => new Dictionary<string, object?>
    {
        ["Id"] = c.Id,
        ["Names"] = new[] { "/c" + c.Id[..8] },
        ["Image"] = "some/image:latest",
        ["ImageID"] = c.ImageId,
        ["Command"] = "sh",
        ["Created"] = 1_700_000_000,
        ["Ports"] = Array.Empty<object>(),
        ["Labels"] = new Dictionary<string, string>(),
        ["State"] = c.State,
        ["Status"] = c.State == "running" ? "Up 2 seconds" : "Exited (0) 1 second ago",
        ["HostConfig"] = new Dictionary<string, string> { ["NetworkMode"] = "bridge" },
        ["Mounts"] = Array.Empty<object>(),
    }));

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close(); // alone: Close after Stop binds the freed port again to unregister it
        try { await _serving; } catch (Exception) { }
    }
}
