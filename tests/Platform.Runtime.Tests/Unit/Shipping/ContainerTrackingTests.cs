using Platform.Runtime.Containers.Model;
using Wire = Platform.Contracts.Runtime;
using static Platform.Runtime.Tests.Unit.Shipping.ShippingJournal;

namespace Platform.Runtime.Tests.Unit.Shipping;

/// <summary>
/// Later facts carry only the container id: the mapper tracks names, images and labels through the journal, and gives
/// an entry the same message however it gets there (in order, re-mapped from the cursor, after a restart).
/// </summary>
public sealed class ContainerTrackingTests : IAsyncLifetime
{
    const string A = "aaaa000000000000000000000000000000000000000000000000000000000001";
    const string B = "bbbb000000000000000000000000000000000000000000000000000000000002";

    readonly ShippingJournal _journal = ShippingJournal.Create();

    /// <summary>1 create a, 2 create b, 3 start a, 4 rename a, 5 kill a, 6 exit a, 7 destroy b, 8 destroy a.</summary>
    async Task GivenTwoContainersOneRenamedAsync()
    {
        await _journal.RecordAsync(Created(A, "/before", "busybox", new() { ["app"] = "a" }));
        await _journal.RecordAsync(Created(B, "/other", "alpine:3.20", new() { ["app"] = "b" }));
        await _journal.RecordAsync(new ContainerStarted(A, 10, Restart: false, T0));
        await _journal.RecordAsync(new ContainerRenamed(A, "/before", "/after", T0));
        await _journal.RecordAsync(new ContainerKilled(A, 9, T0));
        await _journal.RecordAsync(new ContainerExited(A, 137, OomKilled: false, T0));
        await _journal.RecordAsync(new ContainerDestroyed(B, T0));
        await _journal.RecordAsync(new ContainerDestroyed(A, T0));
    }

    [Fact]
    public async Task A_rename_changes_the_name_of_every_later_contract_and_only_of_that_container()
    {
        await GivenTwoContainersOneRenamedAsync();

        var mapper = _journal.NewMapper();
        var m = _journal.Entries().Select(mapper.Map).ToList();

        Assert.Equal("before", Contract<Wire.ContainerStarted>(m[2]).Name);
        var renamed = Contract<Wire.ContainerRenamed>(m[3]);
        Assert.Equal(("after", "before", "busybox", "a"), (renamed.Name, renamed.OldName, renamed.Image, renamed.Labels["app"]));
        Assert.Equal("after", Contract<Wire.ContainerKilled>(m[4]).Name);
        Assert.Equal("after", Contract<Wire.ContainerExited>(m[5]).Name);
        var other = Contract<Wire.ContainerDestroyed>(m[6]);
        Assert.Equal(("other", "alpine:3.20", "b"), (other.Name, other.Image, other.Labels["app"]));
        Assert.Equal("after", Contract<Wire.ContainerDestroyed>(m[7]).Name);
    }

    [Fact]
    public async Task After_a_restart_a_mapper_starting_at_the_cursor_ships_what_the_first_one_would_have()
    {
        await GivenTwoContainersOneRenamedAsync();
        var before = _journal.Entries().Select(_journal.NewMapper().Map).Select(Shipped).ToList();

        await _journal.ReopenAsync();
        const long cursor = 4;
        var after = _journal.Entries(after: cursor).Select(_journal.NewMapper().Map).Select(Shipped).ToList();

        Assert.Equal(before.Skip((int)cursor), after);
        Assert.Equal("after", Contract<Wire.ContainerKilled>(_journal.NewMapper().Map(_journal.Entries(4).First())).Name);
    }

    [Fact]
    public async Task Re_mapping_from_the_cursor_after_a_failed_publish_ships_the_same_messages()
    {
        await GivenTwoContainersOneRenamedAsync();
        var mapper = _journal.NewMapper();
        var first = _journal.Entries().Select(mapper.Map).Select(Shipped).ToList();

        var fromCursor = _journal.Entries(after: 2).Select(mapper.Map).Select(Shipped).ToList();
        var fromStart = _journal.Entries().Select(mapper.Map).Select(Shipped).ToList();

        Assert.Equal(first.Skip(2), fromCursor);
        Assert.Equal(first, fromStart);
    }

    [Fact]
    public async Task Going_back_further_than_the_kept_states_replays_the_journal_to_the_same_result()
    {
        await _journal.RecordAsync(Created(A, "/before", "busybox", null));
        await _journal.RecordAsync(new ContainerRenamed(A, "/before", "/after", T0));
        await Task.WhenAll(Enumerable.Range(0, 2500)
            .Select(_ => _journal.Journal.AppendAsync("volume-created", "volume:v", "{}"u8.ToArray()).AsTask()));
        await _journal.RecordAsync(new ContainerDestroyed(A, T0));
        var mapper = _journal.NewMapper();
        var first = _journal.Entries().Select(mapper.Map).Select(Shipped).ToList();

        var again = mapper.Map(_journal.Entries(after: 1).First());

        Assert.Equal(first[1], Shipped(again));
        var renamed = Contract<Wire.ContainerRenamed>(again);
        Assert.Equal(("after", "before"), (renamed.Name, renamed.OldName));
        Assert.Equal(first[^1], Shipped(mapper.Map(_journal.Entries().Last())));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _journal.DisposeAsync();
}
