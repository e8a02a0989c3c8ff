using System.Diagnostics;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Runtime.Tests.Integration.Shipping;

/// <summary>
/// The shipper coalesces a burst of journal entries: it waits for the journal to be quiet (Platform:Shipping:Quiet)
/// and then ships them together, in order, and never holds the oldest entry longer than Platform:Shipping:MaxDelay.
/// Checked on the real RabbitMQ with delays long enough that a slow machine cannot blur them.
/// </summary>
public sealed class CoalescedShippingTests() : BrokerRuntimeTests("ship-coalesce")
{
    /// <summary>A queue bound to the runtime's exchanges, then the runtime with these shipping delays, its start shipped.</summary>
    async Task<(BoundQueue Queue, ServiceProcess Runtime, string Host)> StartAsync(string quiet, string maxDelay)
    {
        var queue = await BindAsync();
        var runtime = await StartRuntimeAsync(new Dictionary<string, string?>
        {
            ["Platform__Shipping__Quiet"] = quiet,
            ["Platform__Shipping__MaxDelay"] = maxDelay,
        });
        await Eventually.PollAsync(() => queue.Channel.MessageCountAsync(queue.Name), n => n > 0, TimeSpan.FromSeconds(30)); // host-started
        await VolumeMessagesAsync(queue);
        return (queue, runtime, $"tcp://127.0.0.1:{runtime.Port}");
    }

    static async Task<List<string>> VolumeMessagesAsync(BoundQueue queue)
    {
        var names = new List<string>();
        while (await queue.Channel.BasicGetAsync(queue.Name, autoAck: true) is { } message)
        {
            var root = JsonDocument.Parse(message.Body).RootElement;
            if (root.GetProperty("messageType")[0].GetString() == "urn:message:runtime.volume-created")
                names.Add(root.GetProperty("message").GetProperty("name").GetString()!);
        }
        return names;
    }

    [Fact]
    public async Task A_burst_goes_out_together_once_the_journal_is_quiet()
    {
        var (queue, runtime, host) = await StartAsync(quiet: "00:00:08", maxDelay: "00:01:00");
        await using var _ = queue;
        await using var __ = runtime;

        foreach (var name in new[] { "burst-1", "burst-2", "burst-3" }) await DockerCli.SucceedAsync(host, "volume", "create", name);
        var lastAppended = Stopwatch.StartNew();
        var arrived = await Eventually.PollAsync(() => VolumeMessagesAsync(queue), names => names.Count > 0, TimeSpan.FromSeconds(30));

        Assert.Equal(["burst-1", "burst-2", "burst-3"], arrived); // all three in the first delivery, in order
        Assert.True(lastAppended.Elapsed >= TimeSpan.FromSeconds(7), $"shipped {lastAppended.Elapsed} after the last entry, before the quiet time");
    }

    [Fact]
    public async Task An_entry_waits_no_longer_than_the_maximum_delay()
    {
        var (queue, runtime, host) = await StartAsync(quiet: "00:01:00", maxDelay: "00:00:01");
        await using var _ = queue;
        await using var __ = runtime;

        var appended = Stopwatch.StartNew();
        await DockerCli.SucceedAsync(host, "volume", "create", "alone");
        var arrived = await Eventually.PollAsync(() => VolumeMessagesAsync(queue), names => names.Count > 0, TimeSpan.FromSeconds(30));

        Assert.Equal(["alone"], arrived);
        Assert.True(appended.Elapsed < TimeSpan.FromSeconds(20), $"shipped after {appended.Elapsed}, not by the maximum delay");
    }
}
