using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Journal;
using Platform.Runtime.Shipping.Containers;
using Platform.ServiceDefaults;
using Wire = Platform.Contracts.Runtime;
using Domain = Platform.Runtime.Hosting;
using Volumes = Platform.Runtime.Volumes;

namespace Platform.Runtime.Shipping;

/// <summary>
/// Turns journal entries into integration messages. Entries with no integration meaning map to null. Container facts
/// after ContainerCreated carry only the id, so the mapper keeps a <see cref="ContainerIndex"/>: each entry is mapped
/// against the containers as the journal stood at that entry, whatever order the shipper (re)maps entries in.
/// </summary>
public sealed class JournalMapper(RuntimeJournal journal, IOptions<PlatformHostOptions> options)
{
    static readonly ContractName HostStarted = ContractName.Of<Wire.HostStarted>();
    static readonly ContractName VolumeCreated = ContractName.Of<Wire.VolumeCreated>();
    static readonly ContractName VolumeDestroyed = ContractName.Of<Wire.VolumeDestroyed>();

    readonly ContainerIndex _containers = new(journal);

    public OutgoingMessage? Map(JournalEntry entry)
    {
        var fact = ContainerJournalCodec.Decode(entry);
        var container = _containers.Advance(entry.Sequence, fact);
        if (fact is not null)
            return ContainerContracts.From(fact, container!, options.Value.HostId, entry.Sequence) is var (name, message)
                ? Outgoing(name, message, entry)
                : null;
        if (ExecContracts.From(entry, _containers.Of, options.Value.HostId) is var (execName, execMessage))
            return Outgoing(execName, execMessage, entry);
        return entry.Type switch
        {
            Domain.HostStarted.Type => FromHostStarted(entry),
            Volumes.VolumeCreated.Type => FromVolumeCreated(entry),
            Volumes.VolumeRemoved.Type => FromVolumeRemoved(entry),
            _ => null,
        };
    }

    OutgoingMessage FromHostStarted(JournalEntry entry)
    {
        var e = JsonSerializer.Deserialize(entry.Data, RuntimeJournalJson.Default.HostStarted)!;
        var contract = new Wire.HostStarted(e.HostId, e.Hostname, e.EngineVersion, e.KernelVersion, e.Cpus,
            e.MemoryBytes, entry.Sequence, e.StartedAt);
        return Outgoing(HostStarted, JsonSerializer.SerializeToUtf8Bytes(contract, ContractJson.Default.HostStarted), entry);
    }

    OutgoingMessage FromVolumeCreated(JournalEntry entry)
    {
        var e = JsonSerializer.Deserialize(entry.Data, Volumes.VolumeJournalJson.Default.VolumeCreated)!;
        var contract = new Wire.VolumeCreated(e.Name, options.Value.HostId, e.Driver, e.Anonymous, entry.Sequence, e.CreatedAt);
        return Outgoing(VolumeCreated, JsonSerializer.SerializeToUtf8Bytes(contract, ContractJson.Default.VolumeCreated), entry);
    }

    OutgoingMessage FromVolumeRemoved(JournalEntry entry)
    {
        var e = JsonSerializer.Deserialize(entry.Data, Volumes.VolumeJournalJson.Default.VolumeRemoved)!;
        var contract = new Wire.VolumeDestroyed(e.Name, options.Value.HostId, e.Driver, entry.Sequence, e.RemovedAt);
        return Outgoing(VolumeDestroyed, JsonSerializer.SerializeToUtf8Bytes(contract, ContractJson.Default.VolumeDestroyed), entry);
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
