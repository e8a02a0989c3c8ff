using System.Net;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Outages;

/// <summary>
/// The state log and its webhooks across outages, with the real servers: RabbitMQ stopped for 30 s while containers
/// start and stop, and the events service killed (-9) in the middle of a delivery. Afterwards the log holds every
/// event exactly once and the subscriber has received every one it matches.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class StateLogOutageTests(OutagePlatform outage, ITestOutputHelper output)
{
    PlatformFixture Platform => outage.Platform;
    string Docker => Platform.DockerHost("unix");

    [Fact]
    public async Task Containers_run_through_30_s_without_RabbitMQ_and_every_event_reaches_the_log_once_and_the_subscriber()
    {
        await using var receiver = new WebhookReceiver(WebhookReceiver.NewSecret());
        using var http = Platform.CreateHttpClient();
        await SubscribeAsync(http, receiver);
        var clock = Stopwatch.StartNew();
        await outage.Infrastructure.RunAsync("stop-rabbitmq");
        output.WriteLine($"{clock.Elapsed}: RabbitMQ stopped");
        List<string> ids;
        try
        {
            ids = await RunSomeContainersAsync("rmq");
            output.WriteLine($"{clock.Elapsed}: {ids.Count} containers ran, stopped and were removed");
            var rest = TimeSpan.FromSeconds(30) - clock.Elapsed;
            if (rest > TimeSpan.Zero) await Task.Delay(rest);
        }
        finally
        {
            await outage.Infrastructure.RunAsync("start-rabbitmq");
        }
        output.WriteLine($"{clock.Elapsed}: RabbitMQ started");

        await AssertEveryEventOnceAndDeliveredAsync(http, receiver, ids);
        output.WriteLine($"{clock.Elapsed}: every event in the log once and delivered");
    }

    [Fact]
    public async Task The_events_service_killed_mid_delivery_loses_nothing()
    {
        var stalled = new TaskCompletionSource();
        await using var receiver = new WebhookReceiver(WebhookReceiver.NewSecret(), async _ =>
        {
            if (stalled.TrySetResult()) await Task.Delay(TimeSpan.FromSeconds(30)); // the first delivery hangs until the kill
            return 200;
        });
        using var http = Platform.CreateHttpClient();
        await SubscribeAsync(http, receiver);

        var ids = await RunSomeContainersAsync("kill", count: 1);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Platform.RestartServiceAsync("Platform.Events", kill: true);
        ids.AddRange(await RunSomeContainersAsync("after", count: 1));

        await AssertEveryEventOnceAndDeliveredAsync(http, receiver, ids);
        Assert.True(receiver.Requests.Count > receiver.Unique().Count, "the delivery in flight at the kill was sent again");
    }

    /// <summary>Short-lived containers (run --rm) and one stopped and removed by hand; returns their ids.</summary>
    async Task<List<string>> RunSomeContainersAsync(string prefix, int count = 3)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
            await DockerCli.SucceedAsync(Docker, "run", "--name", name, PlatformFixture.Busybox, "echo", "hello");
            ids.Add((await DockerCli.SucceedAsync(Docker, "inspect", "--format", "{{.Id}}", name)).Stdout.Trim());
            await DockerCli.SucceedAsync(Docker, "rm", name);
        }
        var id = (await DockerCli.SucceedAsync(Docker, "run", "-d", PlatformFixture.Busybox, "sleep", "300")).Stdout.Trim();
        await DockerCli.SucceedAsync(Docker, "stop", "-t", "1", id);
        await DockerCli.SucceedAsync(Docker, "rm", id);
        ids.Add(id);
        return ids;
    }

    async Task AssertEveryEventOnceAndDeliveredAsync(HttpClient http, WebhookReceiver receiver, List<string> ids)
    {
        var log = await Eventually.PollAsync(() => ContainerEvents.AllAsync(Platform), l => ids.All(id => l.Any(e => e.Actor == id && e.Action == "destroy")),
            TimeSpan.FromSeconds(120));
        var ours = log.Where(e => ids.Contains(e.Actor)).ToList();
        foreach (var id in ids)
        {
            var actions = ours.Where(e => e.Actor == id).Select(e => e.Action).ToList();
            foreach (var once in new[] { "create", "start", "die", "destroy" }) Assert.Equal(1, actions.Count(a => a == once));
        }
        Assert.Equal(log.Count, log.Select(e => e.Id).Distinct().Count());

        var delivered = await Eventually.PollAsync(() => Task.FromResult(receiver.Unique()),
            u => ours.All(e => u.Any(r => r.WebhookId == e.Id)), TimeSpan.FromSeconds(120));
        var ourDeliveries = delivered.Where(r => ours.Any(e => e.Id == r.WebhookId)).ToList();
        Assert.Equal(ours.Select(e => e.Id), ourDeliveries.Select(r => r.WebhookId)); // in log order, once each after dedup
        Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
    }

    async Task SubscribeAsync(HttpClient http, WebhookReceiver receiver)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/subscriptions", new
        {
            url = receiver.Url,
            secret = receiver.Secret,
            filters = new { types = new[] { "container" }, hosts = new[] { Platform.HostId } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
