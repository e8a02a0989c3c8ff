using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// How fast events reach their watchers. Latency: containers started through the API at a steady 5 per second
/// (create, then start with the clock running), until the "start" event arrives on an open <c>GET /events</c>
/// stream — and on the platform also until its signed webhook reaches a receiver on loopback. Throughput:
/// 300 volumes created by 8 concurrent clients, until the 300th "volume create" event is on the stream (on the
/// platform that event has travelled runtime journal → RabbitMQ → state log → stream).
/// </summary>
public sealed class EventDelivery : IScenario
{
    const int Starts = 100, Volumes = 300, Concurrency = 8;
    static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(200);
    const string Image = "platform-bench/busybox:events";
    string _rootfs = "";
    int _prepared;

    public string Name => "event-delivery";
    public string Description =>
        $"container start → its event on GET /events (and its webhook, platform) at 5 starts/s, p50/p99 of {Starts}; {Volumes} volume creates ({Concurrency} clients) until every event is on the stream";
    public int Rounds => 2;

    public async Task PrepareAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _prepared) == 1) _rootfs = await BusyboxImage.WriteAsync(context.Scratch, ct);
        await Cli.RunAsync(engine, context, ["import", "--change", "CMD [\"sh\"]", _rootfs, Image], ct);
    }

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        await MeasureStartsAsync(engine, context, context.Share(Starts), ct);
        if (context.FirstRound) await MeasureIngestAsync(engine, context, ct);
    }

    async Task MeasureStartsAsync(Engine engine, ScenarioContext context, int count, CancellationToken ct)
    {
        using var api = engine.Endpoint.CreateHttpClient();
        await using var events = await EventStream.OpenAsync(engine, """{"type":["container"],"event":["start"]}""", ct);
        await using var webhooks = engine.Name == "platform" ? await Webhooks.SubscribeAsync(engine, ct) : null;
        var toEvent = new List<double>();
        var toWebhook = new List<double>();
        var next = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            next = Stopwatch.GetTimestamp() + (long)(Pace.TotalSeconds * Stopwatch.Frequency);

            using var created = await api.PostAsJsonAsync("containers/create",
                new { Image, Cmd = new[] { "true" }, HostConfig = new { NetworkMode = "none" } }, ct);
            if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"create: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(ct)}");
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("Id").GetString()!;
            var started = Stopwatch.GetTimestamp();
            using (var start = await api.PostAsync($"containers/{id}/start", null, ct))
                if (!start.IsSuccessStatusCode) throw new InvalidOperationException($"start: {(int)start.StatusCode} {await start.Content.ReadAsStringAsync(ct)}");
            var arrived = await events.ArrivalAsync("container", "start", id, TimeSpan.FromSeconds(30), ct);
            toEvent.Add(Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds);
            if (webhooks is not null) toWebhook.Add(Stopwatch.GetElapsedTime(started, await webhooks.ArrivalAsync(id, TimeSpan.FromSeconds(30), ct)).TotalMilliseconds);
            (await api.DeleteAsync($"containers/{id}?force=1", ct)).Dispose();
        }
        context.Record(engine, "start → event on /events", "ms", toEvent, 50, 99);
        if (webhooks is not null) context.Record(engine, "start → webhook received", "ms", toWebhook, 50, 99);
    }

    async Task MeasureIngestAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        await using var events = await EventStream.OpenAsync(engine, """{"type":["volume"],"event":["create"]}""", ct);
        var prefix = $"bench-events-{Guid.NewGuid():N}"[..24];
        var names = Enumerable.Range(0, Volumes).Select(i => $"{prefix}-{i}").ToList();
        var queue = new ConcurrentQueue<string>(names);
        var began = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            using var api = engine.Endpoint.CreateHttpClient();
            while (queue.TryDequeue(out var name))
                using (var response = await api.PostAsJsonAsync("volumes/create", new { Name = name }, ct))
                    response.EnsureSuccessStatusCode();
        }));
        long last = 0;
        foreach (var name in names) last = Math.Max(last, await events.ArrivalAsync("volume", "create", name, TimeSpan.FromSeconds(60), ct));
        context.Record(engine, $"{Volumes} volume creates until all on /events", "ms", Stopwatch.GetElapsedTime(began, last).TotalMilliseconds);

        using var cleanup = engine.Endpoint.CreateHttpClient();
        foreach (var name in names) (await cleanup.DeleteAsync($"volumes/{name}", ct)).Dispose();
    }

    public async Task CleanupAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        try { await Cli.RunAsync(engine, context, ["rmi", Image], ct); } catch (InvalidOperationException) { }
        Interlocked.Decrement(ref _prepared);
    }

    /// <summary>A subscription of the platform for container starts, and the loopback receiver it delivers to.</summary>
    sealed class Webhooks : IAsyncDisposable
    {
        readonly HttpListener _listener = new();
        readonly ConcurrentDictionary<string, long> _arrivals = new();
        readonly HttpClient _api;
        readonly Task _loop;
        string _subscription = "";

        Webhooks(Engine engine)
        {
            _api = engine.Endpoint.CreateHttpClient();
            var port = FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            Url = $"http://127.0.0.1:{port}/hook";
            _loop = Task.Run(LoopAsync);
        }

        string Url { get; }

        public static async Task<Webhooks> SubscribeAsync(Engine engine, CancellationToken ct)
        {
            var hooks = new Webhooks(engine);
            using var response = await hooks._api.PostAsJsonAsync("api/v1/subscriptions", new
            {
                url = hooks.Url,
                secret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("benchmark-secret-0123456789abcdef")),
                filters = new { types = new[] { "container" }, actions = new[] { "start" } },
                description = "benchmark",
            }, ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"subscribe: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            hooks._subscription = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
            return hooks;
        }

        public async Task<long> ArrivalAsync(string containerId, TimeSpan timeout, CancellationToken ct)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (!_arrivals.ContainsKey(containerId))
            {
                if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"no webhook for {containerId} within {timeout.TotalSeconds:0} s");
                await Task.Delay(1, ct);
            }
            return _arrivals[containerId];
        }

        async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                var at = Stopwatch.GetTimestamp();
                using (var json = await JsonDocument.ParseAsync(context.Request.InputStream))
                    _arrivals.TryAdd(json.RootElement.GetProperty("data").GetProperty("Actor").GetProperty("ID").GetString()!, at);
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }

        static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            if (_subscription.Length > 0) (await _api.DeleteAsync($"api/v1/subscriptions/{_subscription}")).Dispose();
            _listener.Close(); // alone: Close after Stop binds the freed port again to unregister it
            try { await _loop; } catch (ObjectDisposedException) { }
            _api.Dispose();
        }
    }
}
