using Platform.Images.Content;
using Platform.Images.Snapshots.Store;

namespace Platform.Images.Tests.Unit.Snapshots;

public class RootfsPlanTests
{
    const string Snapshots = "/var/lib/platform/images/snapshots";

    static RootfsPlan PlanOf(int layers)
    {
        var chain = ChainIds.Of([.. Enumerable.Range(0, layers).Select(i => Digest.Of(BitConverter.GetBytes(i)))]);
        return new RootfsPlan(SnapshotDrivers.Overlay, chain[^1],
            [.. chain.Reverse().Select(id => $"{Snapshots}/l/{SnapshotStore.LinkName(id)}")], null, Snapshots);
    }

    [Fact]
    public void Mount_data_lists_lowers_top_most_first_then_upper_and_work()
    {
        var plan = PlanOf(2);

        var data = plan.OverlayMountData("/run/c1/upper", "/run/c1/work");

        Assert.Equal($"lowerdir={plan.LowerDirs[0]}:{plan.LowerDirs[1]},upperdir=/run/c1/upper,workdir=/run/c1/work", data);
        Assert.StartsWith("l/", plan.RelativeLowerDirs[0]);
    }

    [Fact]
    public void The_deepest_allowed_chain_fits_one_page_only_with_relative_lowerdirs()
    {
        var plan = PlanOf(SnapshotStore.MaxOverlayLayers);
        const string upper = "/var/lib/platform/runtime/containers/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/upper";
        const string work = "/var/lib/platform/runtime/containers/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/work";

        Assert.False(RootfsPlan.FitsOnePage(plan.OverlayMountData(upper, work)));
        Assert.True(RootfsPlan.FitsOnePage(plan.OverlayMountData(upper, work, relative: true)));
    }

    [Fact]
    public void A_vfs_plan_has_no_overlay_mount()
    {
        var plan = new RootfsPlan(SnapshotDrivers.Vfs, null, [], "/x/fs", Snapshots);

        Assert.Throws<InvalidOperationException>(() => plan.OverlayMountData("/u", "/w"));
    }
}
