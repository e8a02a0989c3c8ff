using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// An open <c>GET /events</c> stream, as <c>docker events</c> reads it: each event's arrival time (Stopwatch ticks),
/// keyed by "type/action/actor id", so a scenario can wait for the one it caused.
/// </summary>
public sealed class EventStream : IAsyncDisposable
{
    readonly HttpClient _client;
    readonly CancellationTokenSource _stop = new();
    readonly Task _reading;
    readonly ConcurrentDictionary<string, long> _arrivals = new();
    readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    EventStream(Engine engine, string filters)
    {
        _client = engine.Endpoint.CreateHttpClient(Timeout.InfiniteTimeSpan);
        _reading = Task.Run(() => ReadAsync(filters));
    }

    public static async Task<EventStream> OpenAsync(Engine engine, string filters, CancellationToken ct)
    {
        var stream = new EventStream(engine, filters);
        await stream._open.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        return stream;
    }

    public int Count => _arrivals.Count;

    /// <summary>When the event arrived (Stopwatch timestamp), waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<long> ArrivalAsync(string type, string action, string actor, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_arrivals.TryGetValue($"{type}/{action}/{actor}", out var at)) return at;
            if (_reading.IsCompleted) throw new InvalidOperationException("the events stream ended", _reading.Exception);
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"no {type} {action} event for {actor} within {timeout.TotalSeconds:0} s");
            await Task.Delay(1, ct);
        }
    }

    async Task ReadAsync(string filters)
    {
        try
        {
            using var response = await _client.GetAsync("events?filters=" + Uri.EscapeDataString(filters), HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            _open.TrySetResult();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var at = Stopwatch.GetTimestamp();
                if (line.Length == 0) continue;
                using var json = JsonDocument.Parse(line);
                var e = json.RootElement;
                var key = $"{e.GetProperty("Type").GetString()}/{e.GetProperty("Action").GetString()}/{e.GetProperty("Actor").GetProperty("ID").GetString()}";
                _arrivals.TryAdd(key, at);
            }
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            _open.TrySetException(e);
            throw;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _reading; } catch (Exception) { /* ended by the cancel */ }
        _client.Dispose();
    }
}
