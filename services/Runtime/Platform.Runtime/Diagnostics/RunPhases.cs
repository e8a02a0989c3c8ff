using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Runtime.Diagnostics;

/// <summary>
/// Where a container's run spends its time, phase by phase (API parse, image prepare, rootfs mount, network sandbox,
/// OCI create, OCI start, exit seen, removal …): each phase is a histogram on the runtime's meter
/// (<c>platform.runtime.phase.duration</c>, tag <c>phase</c>) and the last <see cref="Window"/> samples of each are
/// kept for <c>GET /api/v1/runtime/phases</c>, which the benchmarks read for their phase breakdown.
/// </summary>
public sealed class RunPhases
{
    public const string MeterName = "Platform.Runtime";
    const int Window = 2048;
    static readonly Meter Meter = new(MeterName);
    static readonly Histogram<double> Durations = Meter.CreateHistogram<double>("platform.runtime.phase.duration", "ms",
        "Time spent in one phase of a container's run");

    readonly ConcurrentDictionary<string, Samples> _phases = new(StringComparer.Ordinal);
    long _order;

    /// <summary>Times from now until the returned scope is disposed.</summary>
    public PhaseScope Measure(string phase) => new(this, phase, Stopwatch.GetTimestamp());

    public void Record(string phase, TimeSpan elapsed)
    {
        var ms = elapsed.TotalMilliseconds;
        Durations.Record(ms, new KeyValuePair<string, object?>("phase", phase));
        _phases.GetOrAdd(phase, _ => new Samples(Interlocked.Increment(ref _order))).Add(ms);
    }

    /// <summary>Each phase seen since the last reset, in the order phases were first seen.</summary>
    public List<PhaseSummary> Summaries() =>
        [.. _phases.OrderBy(p => p.Value.Order).Select(p => p.Value.Summarise(p.Key))];

    public void Reset() => _phases.Clear();

    sealed class Samples(long order)
    {
        readonly double[] _ring = new double[Window];
        long _count;

        public long Order { get; } = order;

        public void Add(double ms)
        {
            var slot = Interlocked.Increment(ref _count) - 1;
            _ring[slot % Window] = ms;
        }

        public PhaseSummary Summarise(string phase)
        {
            var count = Interlocked.Read(ref _count);
            var kept = _ring.AsSpan(0, (int)Math.Min(count, Window)).ToArray();
            Array.Sort(kept);
            return kept.Length == 0
                ? new PhaseSummary(phase, 0, 0, 0, 0, 0)
                : new PhaseSummary(phase, count, Math.Round(kept.Average(), 3), Quantile(kept, 0.5), Quantile(kept, 0.9), kept[^1]);
        }

        static double Quantile(double[] sorted, double q) => Math.Round(sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))], 3);
    }
}

/// <summary>One phase over the kept samples, in milliseconds.</summary>
public sealed record PhaseSummary(string Phase, long Count, double MeanMs, double P50Ms, double P90Ms, double MaxMs);

public readonly struct PhaseScope(RunPhases phases, string phase, long started) : IDisposable
{
    public void Dispose() => phases.Record(phase, Stopwatch.GetElapsedTime(started));
}
