using Microsoft.Extensions.Options;
using Platform.Networking.Endpoints;
using Platform.Networking.Networks;
using Platform.Networking.State.Journal;
using Platform.Networking.Tests.Unit.Networks;
using Platform.ServiceDefaults;

namespace Platform.Networking.Tests.Unit.State;

/// <summary>IPAM decided against the in-memory network, one join at a time per network, journaled before it is answered.</summary>
public sealed class InMemoryIpamTests
{
    static NetworkStreams StreamsOver(StateJournal journal, Network network, long version)
    {
        var streams = new NetworkStreams(journal, Options.Create(new PlatformHostOptions { HostId = "host-1" }), TimeProvider.System);
        streams.Load(network, version);
        return streams;
    }

    static async Task<EndpointJoined> JoinAsync(NetworkStreams streams, string container, string? address = null)
    {
        var (_, events) = await streams.WriteAsync("a1",
            (n, now) => JoinEndpoint.Decide(n, new JoinEndpoint(container, container, null, address), "ep-" + container, now), default);
        return (EndpointJoined)events[0];
    }

    [Fact]
    public async Task Concurrent_joins_on_one_network_get_different_addresses_on_consecutive_versions()
    {
        await using var journal = Journals.Open(Journals.NewDirectory());
        var streams = StreamsOver(journal, Given.Events(Given.UserNetwork())!, version: 1);

        var joins = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => JoinAsync(streams, $"c{i}"))));

        Assert.Equal(50, joins.Select(j => j.Address).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 50).Select(v => (long)v), journal.Drain().Select(e => e.FromVersion));
        Assert.Equal(50, streams.Resolve("backend").Endpoints.Count);
    }

    [Fact]
    public async Task A_requested_address_that_is_taken_is_refused_and_journals_nothing()
    {
        await using var journal = Journals.Open(Journals.NewDirectory());
        var streams = StreamsOver(journal, Given.Events(Given.UserNetwork(), Given.Joined("a1", "c1", "10.10.0.7"))!, version: 2);

        var refused = await Assert.ThrowsAsync<NetworkError>(() => JoinAsync(streams, "c2", "10.10.0.7"));

        Assert.Equal(409, refused.Status);
        Assert.Empty(journal.Drain());
    }

    [Fact]
    public async Task After_a_crash_the_journal_holds_every_answered_join_so_no_address_is_handed_out_twice()
    {
        var directory = Journals.NewDirectory();
        var created = Given.Events(Given.UserNetwork())!;
        string kept;
        await using (var journal = Journals.Open(directory))
        {
            var streams = StreamsOver(journal, created, version: 1);
            var first = await JoinAsync(streams, "c1");
            kept = (await JoinAsync(streams, "c2")).Address;
            await streams.WriteAsync("a1", (n, now) => LeaveEndpoint.Decide(n, new LeaveEndpoint("a1", first.EndpointId), now), default);
        } // gone without a word to the database

        await using var reopened = Journals.Open(directory);
        var replayed = reopened.Recovered.SelectMany(e => e.Events).Aggregate(created, NetworkHistory.Fold);
        var restarted = StreamsOver(reopened, replayed, 1 + reopened.Recovered.Sum(e => e.Events.Count));
        var next = await JoinAsync(restarted, "c3");

        Assert.Equal(["10.10.0.3"], restarted.Resolve("backend").Endpoints.Where(e => e.ContainerId == "c2").Select(e => e.Address));
        Assert.NotEqual(kept, next.Address);
        Assert.Equal(4, reopened.Drain().Single().FromVersion);
    }
}
