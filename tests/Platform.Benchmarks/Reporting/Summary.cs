using System.Text.Json.Serialization;

namespace Platform.Benchmarks.Reporting;

/// <summary>Statistics of one series of samples (same unit as the samples).</summary>
public sealed record Summary(int Count, double Mean, double StdDev, double Min, double Max, [property: JsonIgnore] double[] Sorted)
{
    public static Summary Of(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
            throw new ArgumentException("no samples");
        var sorted = samples.Order().ToArray();
        var mean = sorted.Average();
        var stddev = Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, sorted.Length - 1));
        return new Summary(sorted.Length, mean, stddev, sorted[0], sorted[^1], sorted);
    }

    public double P50 => Percentile(50);
    public double P90 => Percentile(90);
    public double P99 => Percentile(99);

    /// <summary>Linear interpolation between closest ranks.</summary>
    public double Percentile(double p)
    {
        var rank = p / 100 * (Sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, Sorted.Length - 1);
        return Sorted[low] + (rank - low) * (Sorted[high] - Sorted[low]);
    }
}
