using System.Diagnostics;
using System.Net;
using Platform.Contracts.Networking;
using Platform.Contracts.Runtime;
using Platform.Testing;
using Xunit;

namespace Platform.Events.Tests.Integration.Webhooks;

/// <summary>
/// Webhook subscriptions against the real events service: signed CloudEvents for what the filters match, retries with
/// backoff, the dead state, redelivery, state log order, and a slow receiver that holds up nobody else. The service
/// runs with 200 ms → 1 s backoff, 3 attempts, 2 s per attempt (Services.Events).
/// </summary>
[Collection(EventsServiceCollection.Name)]
public sealed class WebhookDeliveryTests(EventsServiceFixture fixture)
{
    static readonly Dictionary<string, string> Labels = new() { ["app"] = "shop" };
    HttpClient Events => fixture.Events.Http;

    static string ContainerId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    static Task PublishStartAsync(RawRabbit rabbit, string host, string id, Guid? messageId = null) =>
        rabbit.PublishContractAsync(new ContainerStarted(id, host, "web", "busybox", "sha256:" + new string('b', 64), Labels, 2, DateTimeOffset.UtcNow), messageId);

    [Fact]
    public async Task A_matching_event_arrives_once_as_a_signed_cloud_event_and_the_rest_is_filtered_out()
    {
        var host = Services.UniqueHostId("hook");
        await using var receiver = new WebhookReceiver(WebhookReceiver.NewSecret());
        var subscription = await Events.SubscribeAsync(receiver.Url, receiver.Secret,
            new { types = new[] { "container" }, actions = new[] { "start" }, hosts = new[] { host }, labels = new Dictionary<string, string> { ["app"] = "" } });
        var id = ContainerId();
        var startId = Guid.NewGuid();

        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);
        await rabbit.PublishContractAsync(new ContainerCreated(id, host, "web", "busybox", "sha256:" + new string('b', 64), Labels, 1, DateTimeOffset.UtcNow));
        await PublishStartAsync(rabbit, host, id, startId);
        await PublishStartAsync(rabbit, Services.UniqueHostId("other"), ContainerId()); // another host
        await rabbit.PublishContractAsync(new NetworkCreated(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), host, "n", "bridge", "local",
            null, null, false, false, new Dictionary<string, string>(), DateTimeOffset.UtcNow));
        await PublishStartAsync(rabbit, host, id, startId); // a duplicate publish: one log entry, one webhook

        var delivered = await Eventually.PollAsync(() => Events.DeliveriesAsync(subscription, "status=delivered"), d => d.Count >= 1, TimeSpan.FromSeconds(30));
        await Task.Delay(1500); // anything else would have arrived by now

        var request = Assert.Single(receiver.Requests);
        Assert.True(request.SignatureValid, $"signature {request.Signature} does not verify");
        Assert.Equal(startId.ToString(), request.WebhookId);
        Assert.InRange(long.Parse(request.Timestamp), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(("POST", "/hook"), (request.Method, request.Path));
        Assert.StartsWith("application/cloudevents+json", request.ContentType);
        var cloudEvent = request.Json;
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal(startId.ToString(), cloudEvent.GetProperty("id").GetString());
        Assert.Equal($"/hosts/{host}/runtime", cloudEvent.GetProperty("source").GetString());
        Assert.Equal("platform.container.start", cloudEvent.GetProperty("type").GetString());
        Assert.Equal($"container/{id}", cloudEvent.GetProperty("subject").GetString());
        Assert.True(DateTimeOffset.TryParse(cloudEvent.GetProperty("time").GetString(), out _));
        var data = cloudEvent.GetProperty("data");
        Assert.Equal(("container", "start", id), (data.GetProperty("Type").GetString(), data.GetProperty("Action").GetString(), data.GetProperty("Actor").GetProperty("ID").GetString()));
        Assert.Equal("shop", data.GetProperty("Actor").GetProperty("Attributes").GetProperty("app").GetString());
        Assert.Equal("local", data.GetProperty("scope").GetString());

        var delivery = Assert.Single(delivered);
        Assert.Equal((startId.ToString(), 1, 200, "platform.container.start"), (delivery.GetProperty("eventId").GetString(), delivery.GetProperty("attempts").GetInt32(),
            delivery.GetProperty("responseCode").GetInt32(), delivery.GetProperty("eventType").GetString()));
        Assert.Equal(cloudEvent.GetProperty("position").GetInt64(), delivery.GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task Failures_are_retried_with_growing_waits_until_delivered_a_refusal_is_final_and_a_dead_delivery_can_be_redelivered()
    {
        var host = Services.UniqueHostId("retry");
        var calls = 0;
        await using var flaky = new WebhookReceiver(WebhookReceiver.NewSecret(), _ => Task.FromResult(Interlocked.Increment(ref calls) <= 2 ? 503 : 204));
        await using var down = new WebhookReceiver(WebhookReceiver.NewSecret(), _ => Task.FromResult(500));
        await using var refusing = new WebhookReceiver(WebhookReceiver.NewSecret(), _ => Task.FromResult(410));
        var filters = new { hosts = new[] { host } };
        var flakySubscription = await Events.SubscribeAsync(flaky.Url, flaky.Secret, filters);
        var downSubscription = await Events.SubscribeAsync(down.Url, down.Secret, filters);
        var refusingSubscription = await Events.SubscribeAsync(refusing.Url, refusing.Secret, filters);

        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);
        await PublishStartAsync(rabbit, host, ContainerId());

        var recovered = Assert.Single(await Eventually.PollAsync(() => Events.DeliveriesAsync(flakySubscription, "status=delivered"), d => d.Count == 1, TimeSpan.FromSeconds(30)));
        var dead = Assert.Single(await Eventually.PollAsync(() => Events.DeliveriesAsync(downSubscription, "status=dead"), d => d.Count == 1, TimeSpan.FromSeconds(30)));
        var refused = Assert.Single(await Eventually.PollAsync(() => Events.DeliveriesAsync(refusingSubscription, "status=dead"), d => d.Count == 1, TimeSpan.FromSeconds(30)));

        Assert.Equal((3, 204), (recovered.GetProperty("attempts").GetInt32(), recovered.GetProperty("responseCode").GetInt32()));
        var arrivals = flaky.Requests.Select(r => r.At).ToList();
        Assert.Equal(3, arrivals.Count);
        Assert.Single(flaky.Requests.Select(r => r.WebhookId).Distinct()); // one id across retries: receivers deduplicate by it
        Assert.InRange((arrivals[1] - arrivals[0]).TotalMilliseconds, 80, 1500); // 200 ms with jitter in [100, 200]
        Assert.InRange((arrivals[2] - arrivals[1]).TotalMilliseconds, 180, 2000); // 400 ms with jitter in [200, 400]

        Assert.Equal((3, 500), (dead.GetProperty("attempts").GetInt32(), dead.GetProperty("responseCode").GetInt32()));
        Assert.Contains("500", dead.GetProperty("lastError").GetString());
        Assert.Equal(3, down.Requests.Count);
        Assert.Equal((1, 410), (refused.GetProperty("attempts").GetInt32(), refused.GetProperty("responseCode").GetInt32()));
        Assert.Single(refusing.Requests);

        down.Answer = _ => Task.FromResult(200);
        var (status, requeued) = await Events.RedeliverAsync(downSubscription, dead.GetProperty("id").GetString()!);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("pending", requeued.GetProperty("status").GetString());
        var redelivered = Assert.Single(await Eventually.PollAsync(() => Events.DeliveriesAsync(downSubscription, "status=delivered"), d => d.Count == 1, TimeSpan.FromSeconds(30)));
        Assert.Equal((4, 200), (redelivered.GetProperty("attempts").GetInt32(), redelivered.GetProperty("responseCode").GetInt32()));
        Assert.Equal(4, down.Requests.Count);
        Assert.Single(down.Requests.Select(r => r.WebhookId).Distinct());
        Assert.All(down.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task Events_arrive_in_state_log_order_and_a_slow_receiver_holds_up_no_other_subscription()
    {
        var host = Services.UniqueHostId("order");
        await using var fast = new WebhookReceiver(WebhookReceiver.NewSecret());
        await using var slow = new WebhookReceiver(WebhookReceiver.NewSecret(), async _ => { await Task.Delay(1500); return 200; });
        var filters = new { hosts = new[] { host } };
        var fastSubscription = await Events.SubscribeAsync(fast.Url, fast.Secret, filters);
        await Events.SubscribeAsync(slow.Url, slow.Secret, filters);

        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++) await PublishStartAsync(rabbit, host, ContainerId());
        await Eventually.PollAsync(() => Task.FromResult(fast.Unique().Count), n => n >= 20, TimeSpan.FromSeconds(30));
        var fastDone = clock.Elapsed;

        Assert.True(slow.Requests.Count <= 10, $"the slow receiver got {slow.Requests.Count} requests in {fastDone}");
        var positions = fast.Unique().Select(r => r.Position).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(20, (await Events.DeliveriesAsync(fastSubscription, "status=delivered")).Count);
        // One at a time: no attempt overtakes another (a timed-out attempt is sent again before the next event).
        var slowSoFar = slow.Requests.Select(r => r.Position).ToList();
        Assert.Equal(slowSoFar.Order(), slowSoFar);
    }

    [Fact]
    public async Task A_deleted_subscription_is_gone_and_gets_nothing_more()
    {
        var host = Services.UniqueHostId("gone");
        await using var receiver = new WebhookReceiver(WebhookReceiver.NewSecret());
        var subscription = await Events.SubscribeAsync(receiver.Url, receiver.Secret, new { hosts = new[] { host } });
        await using var rabbit = await RawRabbit.ConnectAsync(fixture.Infrastructure);
        await PublishStartAsync(rabbit, host, ContainerId());
        await Eventually.PollAsync(() => Task.FromResult(receiver.Requests.Count), n => n == 1, TimeSpan.FromSeconds(30));

        using var deleted = await Events.DeleteAsync($"/api/v1/subscriptions/{subscription}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await PublishStartAsync(rabbit, host, ContainerId());
        await Task.Delay(2000);

        Assert.Single(receiver.Requests);
        Assert.Equal(HttpStatusCode.NotFound, (await Events.GetJsonAsync($"/api/v1/subscriptions/{subscription}")).Status);
        var list = (await Events.GetJsonAsync("/api/v1/subscriptions")).Body;
        Assert.DoesNotContain(list.EnumerateArray(), s => s.GetProperty("id").GetString() == subscription);
    }
}
