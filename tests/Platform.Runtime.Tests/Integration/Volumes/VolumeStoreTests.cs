using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Runtime.Journal;
using Platform.Runtime.Volumes;
using Platform.Runtime.Volumes.Local;
using Platform.ServiceDefaults;

namespace Platform.Runtime.Tests.Integration.Volumes;

/// <summary>The store on a real journal and a real directory tree, as the runtime wires it.</summary>
public sealed class VolumeStoreTests : IAsyncLifetime
{
    readonly string _root = Directory.CreateTempSubdirectory("volume-store-").FullName;
    readonly VolumeUsage _usage = new();
    RuntimeJournal _journal = null!;

    public Task InitializeAsync()
    {
        _journal = OpenJournal();
        return Task.CompletedTask;
    }

    RuntimeJournal OpenJournal() => RuntimeJournal.Open(Path.Combine(_root, "runtime", "journal"), TimeProvider.System, NullLogger.Instance);

    VolumeStore Store() => new(_journal, _usage, new LocalVolumeMounts(NullLogger<LocalVolumeMounts>.Instance),
        Options.Create(new PlatformHostOptions { Root = _root }), TimeProvider.System, NullLogger<VolumeStore>.Instance);

    [Fact]
    public async Task Ensure_creates_once_and_returns_the_same_volume_after()
    {
        var store = Store();
        var first = await store.EnsureAsync("cache", new Dictionary<string, string> { ["a"] = "1" }, anonymous: false, default);
        var again = await store.EnsureAsync("cache", null, anonymous: false, default);
        Assert.Equal(first, again);
        Assert.Equal(Path.Combine(_root, "runtime", "volumes", "cache", "_data"), first.Mountpoint);
        Assert.True(Directory.Exists(first.Mountpoint));
        Assert.Equal("1", again.Labels["a"]);
    }

    [Fact]
    public async Task Ensure_without_a_name_makes_an_anonymous_volume()
    {
        var volume = await Store().EnsureAsync(null, null, anonymous: false, default);
        Assert.Matches("^[0-9a-f]{64}$", volume.Name);
        Assert.True(volume.Anonymous);
        Assert.Equal("", volume.Labels[Volume.AnonymousLabel]);
    }

    [Fact]
    public async Task A_volume_a_container_uses_is_refused_until_the_container_lets_go()
    {
        var store = Store();
        await store.EnsureAsync("shared", null, false, default);
        _usage.Register("c2", ["shared"]);
        _usage.Register("c1", ["shared", "other"]);

        var error = await Assert.ThrowsAsync<VolumeError>(() => store.RemoveAsync("shared", force: true, default));
        Assert.Equal((409, "remove shared: volume is in use - [c1, c2]"), (error.Status, error.Message));

        _usage.Unregister("c1");
        _usage.Unregister("c2");
        await store.RemoveAsync("shared", force: false, default);
        Assert.Null(store.Find("shared"));
        Assert.False(Directory.Exists(Path.Combine(_root, "runtime", "volumes", "shared")));
    }

    [Fact]
    public async Task A_reopened_journal_replays_creates_and_removes()
    {
        var store = Store();
        var kept = await store.EnsureAsync("kept", new Dictionary<string, string> { ["k"] = "v" }, false, default);
        await store.EnsureAsync("dropped", null, false, default);
        await store.RemoveAsync("dropped", false, default);
        await _journal.DisposeAsync();

        _journal = OpenJournal();
        var replayed = Store();
        Assert.Equal(["kept"], replayed.List().Select(v => v.Name));
        var found = replayed.Find("kept")!;
        Assert.Equal((kept.Mountpoint, kept.CreatedAt, kept.Anonymous), (found.Mountpoint, found.CreatedAt, found.Anonymous));
        Assert.Equal(kept.Labels, found.Labels);
    }

    [Fact]
    public async Task Reconcile_deletes_leftovers_but_never_a_directory_holding_data()
    {
        var volumes = Path.Combine(_root, "runtime", "volumes");
        Directory.CreateDirectory(Path.Combine(volumes, "crashed", "_data"));
        Directory.CreateDirectory(Path.Combine(volumes, ".removing-old-1", "_data", "x"));
        Directory.CreateDirectory(Path.Combine(volumes, "unknown", "_data"));
        await File.WriteAllTextAsync(Path.Combine(volumes, "unknown", "_data", "precious"), "data");

        var store = Store();
        await store.EnsureAsync("real", null, false, default);
        Assert.Equal(2, store.Reconcile());
        Assert.Equal(["real", "unknown"], Directory.EnumerateDirectories(volumes).Select(Path.GetFileName).Order());
    }

    public async Task DisposeAsync()
    {
        await _journal.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
