using Platform.Contracts.Runtime;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Events.Tests.Integration.Webhooks;

/// <summary>
/// events killed (kill -9) in the middle of a delivery, then started again: the state log holds every event once, and
/// the receiver gets every event — the one in flight again, under the same webhook-id — in order. Its own database
/// and vhost, so the service killed is the one delivering.
/// </summary>
[Collection(EventsServiceCollection.Name)]
public sealed class DeliveryAcrossCrashTests(EventsServiceFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_kill_mid_delivery_loses_nothing_and_the_receiver_deduplicates_by_webhook_id()
    {
        var environment = await fixture.Infrastructure.IsolatedEnvironmentAsync("events-crash");
        var options = Services.Events(environment);
        var events = await ServiceProcess.StartAsync(options);
        var host = Services.UniqueHostId("crash");
        var stalled = new TaskCompletionSource();
        await using var receiver = new WebhookReceiver(WebhookReceiver.NewSecret(), async r =>
        {
            if (!stalled.Task.IsCompleted) { stalled.TrySetResult(); await Task.Delay(TimeSpan.FromSeconds(30)); }
            return 200;
        });
        try
        {
            await events.Http.SubscribeAsync(receiver.Url, receiver.Secret, new { hosts = new[] { host } });
            await using var rabbit = await RawRabbit.ConnectAsync(environment[Infrastructure.RabbitMqVariable]!);
            var ids = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();
            foreach (var id in ids[..5]) await Publish(rabbit, host, id);

            await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            events.Kill();
            await events.DisposeAsync();
            output.WriteLine($"killed mid-delivery after {receiver.Requests.Count} request(s)");
            foreach (var id in ids[5..]) await Publish(rabbit, host, id); // published while events is down: they wait in its queue
            events = await ServiceProcess.StartAsync(options with { Port = events.Port });

            var unique = await Eventually.PollAsync(() => Task.FromResult(receiver.Unique()), u => u.Count >= 10, TimeSpan.FromSeconds(60));
            var log = await events.Http.ListAsync($"host={host}&limit=100");

            Assert.Equal(ids.Select(i => i.ToString()), log.Events.Select(e => e.Id.ToString())); // each once, in publish order
            Assert.Equal(ids.Select(i => i.ToString()), unique.Select(r => r.WebhookId));
            Assert.Equal(log.Events.Select(e => e.Position), unique.Select(r => r.Position));
            Assert.True(receiver.Requests.Count > 10, "the delivery in flight at the kill was sent again");
        }
        finally
        {
            await events.DisposeAsync();
        }
    }

    static Task Publish(RawRabbit rabbit, string host, Guid messageId) => rabbit.PublishContractAsync(
        new ContainerStarted(Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), host, "c", "busybox", "sha256:" + new string('c', 64),
            new Dictionary<string, string>(), 1, DateTimeOffset.UtcNow), messageId);
}
