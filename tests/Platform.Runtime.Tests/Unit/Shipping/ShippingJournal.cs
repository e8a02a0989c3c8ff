using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Journal;
using Platform.Runtime.Shipping;
using Platform.ServiceDefaults;

namespace Platform.Runtime.Tests.Unit.Shipping;

/// <summary>A real journal in a temporary directory, holding container facts as the runtime journals them.</summary>
public sealed class ShippingJournal : IAsyncDisposable
{
    public const string HostId = "host-7";
    public static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
    static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    readonly string _dir = Path.Combine(Path.GetTempPath(), "shipping-test-" + Guid.NewGuid().ToString("N"));

    ShippingJournal() => Journal = Open();

    public RuntimeJournal Journal { get; private set; }

    public static ShippingJournal Create() => new();

    public async Task<long> RecordAsync(ContainerEvent fact)
    {
        var (type, data) = ContainerJournalCodec.Encode(fact);
        return await Journal.AppendAsync(type, "container:" + fact.Id, data);
    }

    public async Task ReopenAsync()
    {
        await Journal.DisposeAsync();
        Journal = Open();
    }

    public JournalMapper NewMapper() => new(Journal, Options.Create(new PlatformHostOptions { HostId = HostId }));

    public IEnumerable<JournalEntry> Entries(long after = 0) => Journal.ReadAfter(after);

    public static ContainerCreated Created(string id, string name, string image, Dictionary<string, string>? labels) =>
        // Rootfs and mounts do not reach the wire; the engine owns their shape.
        new(id, name, "sha256:" + new string('e', 64), new ContainerConfig { Image = image, Labels = labels }, new HostConfig(),
            "sh", ["-c", "sleep 1"], Rootfs: null!, Mounts: [], T0);

    public static T Contract<T>(OutgoingMessage? message) =>
        JsonSerializer.Deserialize<T>(Assert.IsType<OutgoingMessage>(message).Message, Wire)!;

    /// <summary>Everything the shipper would put on the wire for a message, comparable by value.</summary>
    public static (string, string, long, Guid, string)? Shipped(OutgoingMessage? m) =>
        m is null ? null : (m.Exchange, m.MessageType, m.Sequence, m.MessageId, Encoding.UTF8.GetString(m.Message));

    RuntimeJournal Open() => RuntimeJournal.Open(_dir, TimeProvider.System, NullLogger.Instance);

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
