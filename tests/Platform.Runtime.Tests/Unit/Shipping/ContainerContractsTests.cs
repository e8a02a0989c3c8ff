using System.Text;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Shipping;
using Wire = Platform.Contracts.Runtime;
using static Platform.Runtime.Tests.Unit.Shipping.ShippingJournal;

namespace Platform.Runtime.Tests.Unit.Shipping;

/// <summary>Journaled container facts in → the integration contracts the shipper publishes out.</summary>
public sealed class ContainerContractsTests : IAsyncLifetime
{
    const string Id = "c0ffee0000000000000000000000000000000000000000000000000000000001";
    static readonly Dictionary<string, string> Labels = new() { ["com.example.Team"] = "core", ["tier"] = "front" };

    readonly ShippingJournal _journal = ShippingJournal.Create();

    [Fact]
    public async Task A_created_container_is_shipped_with_its_name_without_slash_its_image_as_given_and_its_labels()
    {
        await _journal.RecordAsync(Created(Id, "/web", "busybox", Labels));

        var message = _journal.NewMapper().Map(_journal.Entries().Single());

        Assert.Equal(("runtime.container-created", "urn:message:runtime.container-created", 1L, JournalMapper.MessageIdFor(_journal.Journal.Epoch, 1)),
            (message!.Exchange, message.MessageType, message.Sequence, message.MessageId));
        var created = Contract<Wire.ContainerCreated>(message);
        Assert.Equal((Id, HostId, "web", "busybox", "sha256:" + new string('e', 64), 1L, T0),
            (created.ContainerId, created.HostId, created.Name, created.Image, created.ImageId, created.JournalSequence, created.CreatedAt));
        Assert.Equal(Labels, created.Labels);
    }

    [Fact]
    public async Task The_wire_is_camelCase_with_label_keys_exactly_as_the_user_wrote_them()
    {
        await _journal.RecordAsync(Created(Id, "/web", "busybox", Labels));

        var json = Encoding.UTF8.GetString(_journal.NewMapper().Map(_journal.Entries().Single())!.Message);

        Assert.Contains($"\"containerId\":\"{Id}\"", json);
        Assert.Contains("\"labels\":{\"com.example.Team\":\"core\",\"tier\":\"front\"}", json);
    }

    [Fact]
    public async Task Every_lifecycle_fact_is_shipped_as_its_own_contract_carrying_the_container_s_name_image_and_labels()
    {
        await _journal.RecordAsync(Created(Id, "/web", "nginx:1.27", Labels));
        await _journal.RecordAsync(new ContainerStarted(Id, 4242, Restart: false, T0.AddSeconds(1)));
        await _journal.RecordAsync(new ContainerPaused(Id, T0.AddSeconds(2)));
        await _journal.RecordAsync(new ContainerUnpaused(Id, T0.AddSeconds(3)));
        await _journal.RecordAsync(new ContainerKilled(Id, 15, T0.AddSeconds(4)));
        await _journal.RecordAsync(new ContainerExited(Id, 143, OomKilled: false, T0.AddSeconds(5)));
        await _journal.RecordAsync(new ContainerStopped(Id, T0.AddSeconds(6)));
        await _journal.RecordAsync(new ContainerDestroyed(Id, T0.AddSeconds(7)));

        var mapper = _journal.NewMapper();
        var messages = _journal.Entries().Select(mapper.Map).ToList();

        Assert.Equal(
            ["created", "started", "paused", "unpaused", "killed", "exited", "stopped", "destroyed"],
            messages.Select(m => m!.Exchange["runtime.container-".Length..]));
        Assert.Equal(T0.AddSeconds(1), Contract<Wire.ContainerStarted>(messages[1]).StartedAt);
        Assert.Equal(T0.AddSeconds(2), Contract<Wire.ContainerPaused>(messages[2]).PausedAt);
        Assert.Equal(T0.AddSeconds(3), Contract<Wire.ContainerUnpaused>(messages[3]).UnpausedAt);
        var killed = Contract<Wire.ContainerKilled>(messages[4]);
        Assert.Equal((15, T0.AddSeconds(4)), (killed.Signal, killed.KilledAt));
        var exited = Contract<Wire.ContainerExited>(messages[5]);
        Assert.Equal((143, false, T0.AddSeconds(5)), (exited.ExitCode, exited.OomKilled, exited.ExitedAt));
        Assert.Equal(T0.AddSeconds(6), Contract<Wire.ContainerStopped>(messages[6]).StoppedAt);
        var destroyed = Contract<Wire.ContainerDestroyed>(messages[7]);
        Assert.Equal((Id, HostId, "web", "nginx:1.27", 8L, T0.AddSeconds(7)),
            (destroyed.ContainerId, destroyed.HostId, destroyed.Name, destroyed.Image, destroyed.JournalSequence, destroyed.DestroyedAt));
        Assert.Equal(Labels, destroyed.Labels);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], messages.Select(m => m!.Sequence));
    }

    [Fact]
    public async Task A_failed_start_is_not_shipped_since_Docker_reports_no_event_for_it()
    {
        await _journal.RecordAsync(Created(Id, "/web", "busybox", null));
        await _journal.RecordAsync(new ContainerStartFailed(Id, 127, "exec: \"nope\": not found", T0.AddSeconds(1)));

        var mapper = _journal.NewMapper();
        var messages = _journal.Entries().Select(mapper.Map).ToList();

        Assert.NotNull(messages[0]);
        Assert.Empty(Contract<Wire.ContainerCreated>(messages[0]).Labels);
        Assert.Null(messages[1]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _journal.DisposeAsync();
}
