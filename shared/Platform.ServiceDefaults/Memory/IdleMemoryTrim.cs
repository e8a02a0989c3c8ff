using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Memory;

/// <summary>
/// Gives memory back once a burst of work is over. The collector keeps what a burst grew its heap to, so a service
/// that served a few hundred requests stays that size while idle; after the service has allocated almost nothing
/// for <see cref="IdleMemoryOptions.After"/>, one compacting collection in the aggressive mode returns the free
/// space to the system. At most once per quiet period, so a service that stays idle is not collected again.
/// </summary>
public sealed partial class IdleMemoryTrim(IOptions<IdleMemoryOptions> options, TimeProvider time, ILogger<IdleMemoryTrim> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.After <= TimeSpan.Zero) return;
        var tick = o.After / 4;
        var quiet = new QuietPeriod(o.QuietBytes);
        using var timer = new PeriodicTimer(tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!quiet.Observe(GC.GetTotalAllocatedBytes(), tick, o.After)) continue;
                var before = Resident();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var trim = GC.GetGCMemoryInfo(GCKind.FullBlocking);
                LogTrimmed(logger, before >> 20, Resident() >> 20, trim.TotalCommittedBytes >> 20, trim.PauseDurations[0].TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The process's resident set, from /proc/self/statm (pages); 0 where there is none.</summary>
    static long Resident()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Idle: resident {Before} MiB, {After} MiB after trimming the heap to {Heap} MiB committed in {PauseMs} ms")]
    static partial void LogTrimmed(ILogger logger, long before, long after, long heap, double pauseMs);
}

/// <summary>
/// Whether a process has gone quiet after work: fed its allocation counter at each tick, it answers true once per
/// quiet period, when every tick for the whole period allocated less than the threshold and some tick before it did not.
/// </summary>
public sealed class QuietPeriod(long quietBytes)
{
    long _allocated = -1;
    TimeSpan _quietFor;
    bool _busySinceTrim = true; // what start-up allocated counts as a burst

    public bool Observe(long allocated, TimeSpan tick, TimeSpan after)
    {
        var grew = _allocated < 0 ? 0 : allocated - _allocated;
        _allocated = allocated;
        if (grew >= quietBytes)
        {
            _quietFor = TimeSpan.Zero;
            _busySinceTrim = true;
            return false;
        }
        _quietFor += tick;
        if (!_busySinceTrim || _quietFor < after) return false;
        _busySinceTrim = false;
        return true;
    }
}

/// <summary>Bound from "Platform:Memory".</summary>
public sealed class IdleMemoryOptions
{
    public const string Section = "Platform:Memory";

    /// <summary>How long a service allocates (almost) nothing before its heap is trimmed; zero turns trimming off.</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Allocation per tick (a quarter of <see cref="After"/>) below which the service counts as idle.</summary>
    public long QuietBytes { get; set; } = 1 << 20;
}
