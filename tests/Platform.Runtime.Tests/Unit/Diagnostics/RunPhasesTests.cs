using Platform.Runtime.Diagnostics;

namespace Platform.Runtime.Tests.Unit.Diagnostics;

public sealed class RunPhasesTests
{
    [Fact]
    public void Phases_are_summarised_in_the_order_first_seen_with_their_median_and_p90()
    {
        var phases = new RunPhases();
        for (var ms = 1; ms <= 10; ms++) phases.Record("start.oci-create", TimeSpan.FromMilliseconds(ms));
        phases.Record("create.parse", TimeSpan.FromMilliseconds(0.5));

        var summaries = phases.Summaries();

        Assert.Equal(["start.oci-create", "create.parse"], summaries.Select(s => s.Phase));
        var create = summaries[0];
        Assert.Equal((10, 5.5, 6.0, 10.0, 10.0), (create.Count, create.MeanMs, create.P50Ms, create.P90Ms, create.MaxMs));
        Assert.Equal(0.5, summaries[1].P50Ms);
    }

    [Fact]
    public void A_measured_scope_records_its_time_and_reset_forgets_everything()
    {
        var phases = new RunPhases();
        using (phases.Measure("exit.journal")) Thread.Sleep(5);

        var recorded = Assert.Single(phases.Summaries());
        phases.Reset();

        Assert.Equal("exit.journal", recorded.Phase);
        Assert.InRange(recorded.P50Ms, 4, 5_000);
        Assert.Empty(phases.Summaries());
    }

    [Fact]
    public void Only_the_latest_samples_are_kept_but_every_one_is_counted()
    {
        var phases = new RunPhases();
        for (var i = 0; i < 5_000; i++) phases.Record("remove", TimeSpan.FromMilliseconds(i < 2_952 ? 1_000 : 1));

        var remove = Assert.Single(phases.Summaries());

        Assert.Equal(5_000, remove.Count);
        Assert.Equal(1, remove.MaxMs);
    }
}
