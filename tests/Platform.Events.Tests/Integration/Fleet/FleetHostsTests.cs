using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.Runtime;
using Platform.Testing;
using Xunit;
using static Platform.Events.Tests.Integration.Fleet.FleetApi;

namespace Platform.Events.Tests.Integration.Fleet;

/// <summary>
/// Hosts through GET /api/v1/fleet/hosts: what the runtime said at start, and alive while heartbeats (sent raw, as
/// the runtime sends them) are recent — never moved back by an older one, and never written into the state log.
/// </summary>
[Collection(EventsServiceCollection.Name)]
public sealed class FleetHostsTests(EventsServiceFixture fixture)
{
    static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_started_host_shows_its_machine_and_is_alive_only_while_its_heartbeats_are_recent()
    {
        var (host, barrier) = (Services.UniqueHostId("fhost"), Services.UniqueHostId("fbar"));
        var startedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        var http = fixture.Events.Http;
        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);

        await rabbit.PublishRawAsync(new HostStarted(host, "node-9", "0.1.0", "6.1.0-28-amd64", 8, 16L << 30, 1, startedAt));
        await rabbit.PublishRawAsync(new HostStarted(barrier, "barrier", "0.1.0", "6.1.0-28-amd64", 1, 1L << 30, 1, startedAt));
        var started = await Eventually.PollAsync(() => http.HostAsync(host), h => h is not null, Arrival);
        Assert.NotNull(started);
        Assert.Equal(("node-9", "0.1.0", "6.1.0-28-amd64", (int?)8, (long?)(16L << 30)),
            (started.Hostname, started.EngineVersion, started.KernelVersion, started.Cpus, started.MemoryBytes));
        Assert.Equal((startedAt, (DateTimeOffset?)startedAt, startedAt), (started.FirstSeenAt, started.LastStartedAt, started.LastEventAt));
        Assert.Equal(((DateTimeOffset?)null, false, 0), (started.LastHeartbeatAt, started.Alive, started.RunningContainers));

        // A heartbeat far older than 3 intervals (45 s): heard, but the host is not alive.
        var stale = DateTimeOffset.UtcNow.AddMinutes(-10);
        await rabbit.PublishRawAsync(new HostHeartbeat(host, stale));
        var staleSeen = await Eventually.PollAsync(() => http.HostAsync(host), h => h!.LastHeartbeatAt is not null, Arrival);
        Assert.Equal((stale, false), (staleSeen!.LastHeartbeatAt, staleSeen.Alive));

        var now = DateTimeOffset.UtcNow;
        await rabbit.PublishRawAsync(new HostHeartbeat(host, now));
        var alive = await Eventually.PollAsync(() => http.HostAsync(host), h => h!.LastHeartbeatAt == now, Arrival);
        Assert.Equal((now, true), (alive!.LastHeartbeatAt, alive.Alive));

        // An older heartbeat arriving late (queued while events was away) does not move it back. Heartbeats are handled
        // one at a time in queue order, so once the barrier's is in, the late one was handled.
        await rabbit.PublishRawAsync(new HostHeartbeat(host, now.AddSeconds(-20)));
        await rabbit.PublishRawAsync(new HostHeartbeat(barrier, now));
        Assert.True((await Eventually.PollAsync(() => http.HostAsync(barrier), h => h!.Alive, Arrival))!.Alive);
        var after = await http.HostAsync(host);
        Assert.Equal((now, true), (after!.LastHeartbeatAt, after.Alive));

        var listed = Assert.Single((await http.GetFleetAsync<HostsList>("hosts")).Hosts, h => h.Id == host);
        Assert.Equal(after, listed);

        // Heartbeats are not history: the state log holds the host's start only.
        var log = await http.ListAsync($"host={host}");
        Assert.Equal(["start"], log.Events.Select(e => e.Action));
    }

    [Fact]
    public async Task An_unknown_host_is_a_404_with_Docker_s_error_body()
    {
        using var response = await fixture.Events.Http.GetAsync("/api/v1/fleet/hosts/no-such-host-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("no such host: no-such-host-", (await response.Content.ReadFromJsonAsync<Error>())!.Message);
    }
}
