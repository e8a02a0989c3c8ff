using System.Buffers.Binary;
using System.Text.Json;
using Platform.Runtime.Journal;
using Wire = Platform.Contracts.Runtime;
using Domain = Platform.Runtime.Hosting;

namespace Platform.Runtime.Shipping;

/// <summary>Turns journal entries into integration messages. Entries with no integration meaning map to null.</summary>
public sealed class JournalMapper(RuntimeJournal journal)
{
    static readonly ContractName HostStarted = ContractName.Of<Wire.HostStarted>();

    public OutgoingMessage? Map(JournalEntry entry) => entry.Type switch
    {
        Domain.HostStarted.Type => FromHostStarted(entry),
        _ => null,
    };

    OutgoingMessage FromHostStarted(JournalEntry entry)
    {
        var e = JsonSerializer.Deserialize(entry.Data, RuntimeJournalJson.Default.HostStarted)!;
        var contract = new Wire.HostStarted(e.HostId, e.Hostname, e.EngineVersion, e.KernelVersion, e.Cpus,
            e.MemoryBytes, entry.Sequence, e.StartedAt);
        return Outgoing(HostStarted, JsonSerializer.SerializeToUtf8Bytes(contract, ContractJson.Default.HostStarted), entry);
    }

    OutgoingMessage Outgoing(ContractName name, byte[] message, JournalEntry entry) =>
        new(name.Exchange, name.MessageType, message, entry.Sequence, MessageIdFor(journal.Epoch, entry.Sequence));

    /// <summary>Stable per (journal epoch, sequence): a re-shipped entry carries the same id, so consumers dedupe it.</summary>
    public static Guid MessageIdFor(Guid epoch, long sequence)
    {
        Span<byte> bytes = stackalloc byte[16];
        epoch.TryWriteBytes(bytes);
        var tail = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]) ^ sequence;
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], tail);
        return new Guid(bytes);
    }
}
