using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Networking.Endpoints;
using Platform.Networking.State.Journal;

namespace Platform.Networking.Tests.Integration.LocalState;

/// <summary>
/// A service stopped while the database was down leaves its changes in the journal: the next instance over the same
/// journal writes them before it serves, once — and a journal replayed again after that (a crash before compaction)
/// adds nothing.
/// </summary>
[Collection(NetworkingCollection.Name)]
public sealed class JournalReplayTests(NetworkingFixture fixture)
{
    static string ContainerId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    [Fact]
    public async Task A_new_instance_over_the_same_journal_writes_what_the_database_missed_exactly_once()
    {
        var hostId = "replay-" + Guid.NewGuid().ToString("N")[..8];
        var stateDir = NetworkingHost.NewStateDir();
        var settings = new Dictionary<string, string?> { ["Networking:StateDir"] = stateDir };
        var journal = Path.Combine(stateDir, StateJournal.FileName);
        var (relay, postgres) = PostgresRelay.Start(fixture.Environment["ConnectionStrings__Postgres"]!);
        await using var _ = relay;
        var name = NetworksApi.Unique("replay");
        string networkId;
        string[] containers = [ContainerId(), ContainerId(), ContainerId()];
        JoinedEndpoint[] joined;

        await using (var first = await NetworkingHost.StartAsync(
            new Dictionary<string, string?>(fixture.Environment) { ["ConnectionStrings__Postgres"] = postgres }, hostId, settings: settings))
        {
            networkId = await first.Http.CreateNetworkAsync($$$"""{"Name":"{{{name}}}","IPAM":{"Config":[{"Subnet":"10.245.0.0/24"}]}}""");
            await first.Services.GetRequiredService<IDocumentStore>().EventuallyAsync(networkId, 1);
            relay.Cut();
            var endpoints = first.Services.GetRequiredService<NetworkEndpoints>();
            joined = await Task.WhenAll(containers.Select((c, i) => endpoints.JoinAsync(name, new JoinEndpoint(c, $"c{i}"), default)));
            await endpoints.LeaveAsync(networkId, joined[0].EndpointId, default);
        }
        var unwritten = await File.ReadAllBytesAsync(journal);
        Assert.Equal(4, unwritten.Count(b => b == '\n'));

        var store = fixture.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var second = await NetworkingHost.StartAsync(fixture.Environment, hostId, settings: settings))
        {
            Assert.Equal(["NetworkCreated", "EndpointJoined", "EndpointJoined", "EndpointJoined", "EndpointLeft"], (await store.EventsAsync(networkId)).Types());
            var live = (await second.Http.GetJsonAsync($"/networks/{networkId}")).Body!["Containers"]!.AsObject().Select(c => c.Key).Order().ToList();
            Assert.Equal(containers.Skip(1).Order(), live);
            var next = await second.Services.GetRequiredService<NetworkEndpoints>().JoinAsync(name, new JoinEndpoint(ContainerId(), "c3"), default);
            Assert.DoesNotContain(next.Address, joined.Skip(1).Select(j => j.Address));
        }
        Assert.Equal(0, new FileInfo(journal).Length);

        await File.WriteAllBytesAsync(journal, unwritten); // as if the last start had died before compacting
        await using (var third = await NetworkingHost.StartAsync(fixture.Environment, hostId, settings: settings))
        {
            var events = await store.EventsAsync(networkId);
            Assert.Equal(["NetworkCreated", "EndpointJoined", "EndpointJoined", "EndpointJoined", "EndpointLeft", "EndpointJoined"], events.Types());
            Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
            Assert.Equal(3, (await third.Http.GetJsonAsync($"/networks/{networkId}")).Body!["Containers"]!.AsObject().Count);
        }
    }
}
