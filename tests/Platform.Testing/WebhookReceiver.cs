using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>
/// A webhook receiver on loopback, as a user would write one: it records every request, checks its Standard Webhooks
/// signature with its own HMAC code, and answers as the test tells it (status, delay).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly HttpListener _listener = new();
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;

    public WebhookReceiver(string secret, Func<Received, Task<int>>? answer = null)
    {
        Secret = secret;
        Answer = answer ?? (_ => Task.FromResult(200));
        Port = ServiceProcess.FreeLoopbackPort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>A fresh secret in the Standard Webhooks form: "whsec_" and 32 random bytes in base64.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Secret { get; }
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>How to answer the next request; may wait (a slow receiver) before returning the status.</summary>
    public Func<Received, Task<int>> Answer { get; set; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Requests with a valid signature, first copy of each webhook-id, in arrival order.</summary>
    public IReadOnlyList<Received> Unique() =>
        [.. Requests.Where(r => r.SignatureValid).GroupBy(r => r.WebhookId).Select(g => g.First())];

    async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var received = new Received(
                context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "",
                context.Request.Headers["webhook-id"] ?? "", context.Request.Headers["webhook-timestamp"] ?? "",
                context.Request.Headers["webhook-signature"] ?? "", body.ToArray(), DateTimeOffset.UtcNow, Secret);
            Requests.Enqueue(received);
            context.Response.StatusCode = await Answer(received);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // the sender gave up (its timeout) before we answered
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close(); // alone: Close after Stop binds the freed port again to unregister it
        try { await _loop; } catch (ObjectDisposedException) { }
    }

    public sealed record Received(
        string Method, string Path, string ContentType, string WebhookId, string Timestamp, string Signature, byte[] Body,
        DateTimeOffset At, string Secret)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public long Position => Json.GetProperty("position").GetInt64();

        /// <summary>v1,base64(HMAC-SHA256(base64-decoded whsec_ key, "id.timestamp.body")), the receiver's own check.</summary>
        public bool SignatureValid
        {
            get
            {
                var key = Convert.FromBase64String(Secret["whsec_".Length..]);
                var signed = Encoding.UTF8.GetBytes($"{WebhookId}.{Timestamp}.").Concat(Body).ToArray();
                var expected = "v1," + Convert.ToBase64String(new HMACSHA256(key).ComputeHash(signed));
                return Signature.Split(' ').Contains(expected);
            }
        }
    }
}
