using Platform.Runtime.Volumes;

namespace Platform.Runtime.Tests.Unit.Volumes;

/// <summary>Given journaled events → when a command → then the event to journal, or Docker's error.</summary>
public sealed class VolumeDecisionsTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    static readonly Dictionary<string, string> NoLabels = [];

    static VolumeSet Given(params VolumeCreated[] events) =>
        events.Aggregate(VolumeSet.Empty("/var/lib/platform/runtime/volumes"), (s, e) => s.Apply(e));

    static VolumeCreated Created(string name) => new(name, "local", NoLabels, null, false, Now.AddDays(-1));

    static CreateVolume Create(string name, string driver = "local", IReadOnlyDictionary<string, string>? options = null, bool anonymous = false) =>
        new(name, driver, new Dictionary<string, string> { ["team"] = "a" }, options, anonymous);

    [Fact]
    public void A_new_name_is_created_with_its_labels_and_options()
    {
        var e = VolumeDecisions.Decide(Given(), Create("data", options: new Dictionary<string, string>()), Now)!;
        Assert.Equal(("data", "local", false, Now), (e.Name, e.Driver, e.Anonymous, e.CreatedAt));
        Assert.Equal("a", e.Labels["team"]);
        Assert.NotNull(e.Options);
        Assert.Equal("/var/lib/platform/runtime/volumes/data/_data", Given(e).Volumes["data"].Mountpoint);
    }

    [Fact]
    public void An_empty_driver_means_local() =>
        Assert.Equal("local", VolumeDecisions.Decide(Given(), Create("data", driver: ""), Now)!.Driver);

    [Fact]
    public void An_anonymous_volume_carries_docker_s_anonymous_label() =>
        Assert.Equal("", VolumeDecisions.Decide(Given(), Create(VolumeNames.Random(), anonymous: true), Now)!.Labels[Volume.AnonymousLabel]);

    [Fact]
    public void An_existing_name_creates_nothing() =>
        Assert.Null(VolumeDecisions.Decide(Given(Created("data")), Create("data"), Now));

    [Fact]
    public void Another_driver_is_a_missing_plugin()
    {
        var error = Assert.Throws<VolumeError>(() => VolumeDecisions.Decide(Given(), Create("data", driver: "nfs"), Now));
        Assert.Equal((404, "create data: error looking up volume plugin nfs: plugin \"nfs\" not found"), (error.Status, error.Message));
    }

    [Fact]
    public void An_invalid_name_is_a_bad_request()
    {
        var error = Assert.Throws<VolumeError>(() => VolumeDecisions.Decide(Given(), Create("a:b"), Now));
        Assert.Equal(400, error.Status);
        Assert.StartsWith("create a:b: \"a:b\" includes invalid characters", error.Message);
    }

    [Theory]
    [InlineData("colour=blue", "create data: invalid option: \"colour\"")]
    [InlineData("type=tmpfs", "create data: missing required option: \"device\"")]
    [InlineData("o=size=1m", "create data: missing required option: \"device\"")]
    [InlineData("size=10m", "create data: quota size requested but no quota support")]
    public void Local_driver_options_are_checked_as_docker_checks_them(string option, string message)
    {
        var (key, value) = (option.Split('=', 2)[0], option.Split('=', 2)[1]);
        var error = Assert.Throws<VolumeError>(() =>
            VolumeDecisions.Decide(Given(), Create("data", options: new Dictionary<string, string> { [key] = value }), Now));
        Assert.Equal((400, message), (error.Status, error.Message));
    }

    [Fact]
    public void A_tmpfs_volume_is_accepted() =>
        Assert.NotNull(VolumeDecisions.Decide(Given(), Create("t1", options: new Dictionary<string, string>
            { ["type"] = "tmpfs", ["device"] = "tmpfs", ["o"] = "size=1m,uid=1000" }), Now));

    [Fact]
    public void Removing_an_unused_volume_journals_its_removal() =>
        Assert.Equal(new VolumeRemoved("data", "local", Now),
            VolumeDecisions.Decide(Given(Created("data")), new RemoveVolume("data", false), [], Now));

    [Fact]
    public void Removing_a_missing_volume_is_not_found_unless_forced()
    {
        var error = Assert.Throws<VolumeError>(() => VolumeDecisions.Decide(Given(), new RemoveVolume("gone", false), [], Now));
        Assert.Equal((404, "get gone: no such volume"), (error.Status, error.Message));
        Assert.Null(VolumeDecisions.Decide(Given(), new RemoveVolume("gone", true), [], Now));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_volume_in_use_is_never_removed_forced_or_not(bool force)
    {
        var error = Assert.Throws<VolumeError>(() =>
            VolumeDecisions.Decide(Given(Created("data")), new RemoveVolume("data", force), ["c1", "c2"], Now));
        Assert.Equal((409, "remove data: volume is in use - [c1, c2]"), (error.Status, error.Message));
    }

    [Fact]
    public void A_removed_volume_is_gone_from_the_set() =>
        Assert.Empty(Given(Created("data")).Apply(new VolumeRemoved("data", "local", Now)).Volumes);
}
