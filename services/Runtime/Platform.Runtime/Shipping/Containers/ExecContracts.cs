using System.Text.Json;
using Platform.Runtime.Containers.Exec;
using Platform.Runtime.Journal;
using Wire = Platform.Contracts.Runtime;

namespace Platform.Runtime.Shipping.Containers;

/// <summary>
/// Exec journal entries → their integration contracts, carrying their container's facts (name, image, labels) as of
/// the entry, as Docker copies them into an exec event's attributes. Other entries map to null.
/// </summary>
public static class ExecContracts
{
    static ContractJson Json => ContractJson.Default;

    public static (ContractName Name, byte[] Message)? From(JournalEntry entry, Func<string, ContainerFacts> facts, string hostId)
    {
        switch (entry.Type)
        {
            case ExecCreated.Type:
            {
                var e = JsonSerializer.Deserialize(entry.Data, ExecJournalJson.Default.ExecCreated)!;
                var c = facts(e.ContainerId);
                return (Names.Created, JsonSerializer.SerializeToUtf8Bytes(new Wire.ExecCreated(e.ContainerId, hostId, c.Name, c.Image,
                    c.ImageId, c.Labels, e.ExecId, e.Command, entry.Sequence, e.CreatedAt), Json.ExecCreated));
            }
            case ExecStarted.Type:
            {
                var e = JsonSerializer.Deserialize(entry.Data, ExecJournalJson.Default.ExecStarted)!;
                var c = facts(e.ContainerId);
                return (Names.Started, JsonSerializer.SerializeToUtf8Bytes(new Wire.ExecStarted(e.ContainerId, hostId, c.Name, c.Image,
                    c.ImageId, c.Labels, e.ExecId, e.Command, entry.Sequence, e.StartedAt), Json.ExecStarted));
            }
            case ExecDied.Type:
            {
                var e = JsonSerializer.Deserialize(entry.Data, ExecJournalJson.Default.ExecDied)!;
                var c = facts(e.ContainerId);
                return (Names.Died, JsonSerializer.SerializeToUtf8Bytes(new Wire.ExecDied(e.ContainerId, hostId, c.Name, c.Image,
                    c.ImageId, c.Labels, e.ExecId, e.ExitCode, entry.Sequence, e.DiedAt), Json.ExecDied));
            }
            default:
                return null;
        }
    }

    static class Names
    {
        public static readonly ContractName Created = ContractName.Of<Wire.ExecCreated>();
        public static readonly ContractName Started = ContractName.Of<Wire.ExecStarted>();
        public static readonly ContractName Died = ContractName.Of<Wire.ExecDied>();
    }
}
