using Platform.ServiceDefaults.Memory;

namespace Platform.Gateway.Tests.Unit.Memory;

/// <summary>When a service counts as gone quiet after work, so its heap is trimmed once per quiet period.</summary>
public sealed class QuietPeriodTests
{
    static readonly TimeSpan Tick = TimeSpan.FromSeconds(1), After = TimeSpan.FromSeconds(3);
    const long Quiet = 1000;

    static List<bool> Feed(QuietPeriod period, params long[] allocatedPerTick)
    {
        var (total, answers) = (0L, new List<bool>());
        foreach (var allocated in allocatedPerTick) answers.Add(period.Observe(total += allocated, Tick, After));
        return answers;
    }

    [Fact]
    public void Start_up_counts_as_work_and_the_quiet_after_it_trims_once()
    {
        var answers = Feed(new QuietPeriod(Quiet), 0, 10, 10, 10, 10, 10, 10);

        Assert.Equal([false, false, true, false, false, false, false], answers);
    }

    [Fact]
    public void A_burst_restarts_the_quiet_period_and_earns_one_more_trim()
    {
        var period = new QuietPeriod(Quiet);
        Feed(period, 0, 0, 0);

        var answers = Feed(period, 5000, 0, 0, 999, 0, 0, 0);

        Assert.Equal([false, false, false, true, false, false, false], answers);
    }

    [Fact]
    public void Steady_work_never_trims()
    {
        var period = new QuietPeriod(Quiet);
        Feed(period, 0, 0, 0);

        var answers = Feed(period, 2000, 0, 0, 2000, 0, 0, 2000);

        Assert.All(answers, Assert.False);
    }
}
