using System.Text.Json;
using Platform.Runtime.Tests.Integration.Shipping;
using Platform.Testing;

namespace Platform.Runtime.Tests.Integration.Volumes;

/// <summary>
/// Volume facts leave the journal as MassTransit messages on the real RabbitMQ: runtime.volume-created and
/// runtime.volume-destroyed, in journal order, in the envelope MassTransit consumers read.
/// </summary>
public sealed class VolumeShippingTests() : BrokerRuntimeTests("volumes-ship")
{
    [Fact]
    public async Task Create_and_rm_are_published_with_the_host_and_driver()
    {
        await using var queue = await BindAsync();
        await using var runtime = await StartRuntimeAsync();
        var host = $"tcp://127.0.0.1:{runtime.Port}";
        await DockerCli.SucceedAsync(host, "volume", "create", "shipped");
        await DockerCli.SucceedAsync(host, "volume", "rm", "shipped");

        var received = new List<JsonElement>();
        await Eventually.PollAsync(async () =>
        {
            while (await queue.Channel.BasicGetAsync(queue.Name, autoAck: true) is { } message)
                received.Add(JsonDocument.Parse(message.Body).RootElement.Clone());
            return received.Count;
        }, count => count >= 3, TimeSpan.FromSeconds(30));

        var volumes = received.Where(e => e.GetProperty("messageType")[0].GetString() != "urn:message:runtime.host-started").ToList();
        Assert.Equal(["urn:message:runtime.volume-created", "urn:message:runtime.volume-destroyed"],
            volumes.Select(e => e.GetProperty("messageType")[0].GetString()));
        var created = volumes[0].GetProperty("message");
        Assert.Equal(("shipped", "volumes-test", "local", false),
            (created.GetProperty("name").GetString(), created.GetProperty("hostId").GetString(),
             created.GetProperty("driver").GetString(), created.GetProperty("anonymous").GetBoolean()));
        var destroyed = volumes[1].GetProperty("message");
        Assert.Equal(("shipped", "local"), (destroyed.GetProperty("name").GetString(), destroyed.GetProperty("driver").GetString()));
        Assert.True(destroyed.GetProperty("journalSequence").GetInt64() > created.GetProperty("journalSequence").GetInt64());
        Assert.True(destroyed.GetProperty("destroyedAt").GetDateTimeOffset() >= created.GetProperty("createdAt").GetDateTimeOffset());
    }
}
