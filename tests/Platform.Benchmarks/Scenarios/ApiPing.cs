using System.Diagnostics;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// The cheapest API call, <c>GET /_ping</c>, sequentially: on one keep-alive connection (the engine's
/// per-request floor) and with a new connection per request (what Docker.DotNet does).
/// </summary>
public sealed class ApiPing : IScenario
{
    const int Warmups = 50, Requests = 2000;

    public string Name => "api-ping";
    public string Description => $"GET /_ping, {Requests} sequential requests (after {Warmups} per round), keep-alive and new connection each";
    public int Rounds => 4;

    public async Task RunAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        foreach (var newConnection in (bool[])[false, true])
        {
            var connections = 0;
            var requests = context.Share(Requests);
            using var client = engine.Endpoint.CreateHttpClient(onConnect: () => connections++);
            var samples = await MeasureAsync(client, newConnection, requests, ct);
            // Check that the mode is what it says: one connection for all, or one per request.
            if (newConnection ? connections < Warmups + requests : connections > 1 + requests / 100)
                Console.Error.WriteLine($"  {engine.Name}: {connections} connections for {Warmups + requests} requests (new connection: {newConnection})");
            context.Record(engine, newConnection ? "new connection" : "keep-alive", "µs", samples, 50, 99);
        }
    }

    static async Task<IReadOnlyList<double>> MeasureAsync(HttpClient client, bool newConnection, int requests, CancellationToken ct)
    {
        var samples = new double[requests];
        for (var i = -Warmups; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "_ping");
            request.Headers.ConnectionClose = newConnection;
            var start = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (!response.IsSuccessStatusCode || body != "OK")
                throw new InvalidOperationException($"GET /_ping answered {(int)response.StatusCode} {body}");
            if (i >= 0)
                samples[i] = elapsed.TotalMicroseconds;
        }
        return samples;
    }
}
