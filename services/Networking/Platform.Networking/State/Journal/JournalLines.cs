using System.Text.Json;
using Platform.Networking.Networks;
using Platform.Networking.Sandboxes;

namespace Platform.Networking.State.Journal;

/// <summary>
/// The journal's text form: one JSON object per line, ended by '\n'. A line without its '\n', or one that does not
/// parse, was torn by a crash mid-write. Event types are an explicit list: a new domain event is added here too.
/// </summary>
public static class JournalLines
{
    public static byte[] Encode(JournalEntry entry)
    {
        var line = new JournalLine(entry.Sequence, entry.Stream, entry.FromVersion, [.. entry.Events.Select(ToJson)]);
        var json = JsonSerializer.SerializeToUtf8Bytes(line, JournalJson.Default.JournalLine);
        return [.. json, (byte)'\n'];
    }

    /// <summary>One line without its '\n'; false when it is not a whole entry.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> line, out JournalEntry entry)
    {
        entry = null!;
        try
        {
            if (JsonSerializer.Deserialize(line, JournalJson.Default.JournalLine) is not { Stream.Length: > 0, Events.Count: > 0 } parsed) return false;
            entry = new JournalEntry(parsed.Seq, parsed.Stream, parsed.From, [.. parsed.Events.Select(FromJson)]);
            return true;
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or NotSupportedException)
        {
            return false;
        }
    }

    static JournalEvent ToJson(object e) => e switch
    {
        NetworkCreated x => new(nameof(NetworkCreated), JsonSerializer.SerializeToElement(x, JournalJson.Default.NetworkCreated)),
        NetworkRemoved x => new(nameof(NetworkRemoved), JsonSerializer.SerializeToElement(x, JournalJson.Default.NetworkRemoved)),
        EndpointJoined x => new(nameof(EndpointJoined), JsonSerializer.SerializeToElement(x, JournalJson.Default.EndpointJoined)),
        EndpointLeft x => new(nameof(EndpointLeft), JsonSerializer.SerializeToElement(x, JournalJson.Default.EndpointLeft)),
        SandboxCreated x => new(nameof(SandboxCreated), JsonSerializer.SerializeToElement(x, JournalJson.Default.SandboxCreated)),
        SandboxEndpointAttached x => new(nameof(SandboxEndpointAttached), JsonSerializer.SerializeToElement(x, JournalJson.Default.SandboxEndpointAttached)),
        SandboxEndpointDetached x => new(nameof(SandboxEndpointDetached), JsonSerializer.SerializeToElement(x, JournalJson.Default.SandboxEndpointDetached)),
        SandboxRemoved x => new(nameof(SandboxRemoved), JsonSerializer.SerializeToElement(x, JournalJson.Default.SandboxRemoved)),
        _ => throw new ArgumentException($"{e.GetType().Name} is not an event the journal knows", nameof(e)),
    };

    static object FromJson(JournalEvent e) => e.Type switch
    {
        nameof(NetworkCreated) => (object?)e.Data.Deserialize(JournalJson.Default.NetworkCreated),
        nameof(NetworkRemoved) => e.Data.Deserialize(JournalJson.Default.NetworkRemoved),
        nameof(EndpointJoined) => e.Data.Deserialize(JournalJson.Default.EndpointJoined),
        nameof(EndpointLeft) => e.Data.Deserialize(JournalJson.Default.EndpointLeft),
        nameof(SandboxCreated) => e.Data.Deserialize(JournalJson.Default.SandboxCreated),
        nameof(SandboxEndpointAttached) => e.Data.Deserialize(JournalJson.Default.SandboxEndpointAttached),
        nameof(SandboxEndpointDetached) => e.Data.Deserialize(JournalJson.Default.SandboxEndpointDetached),
        nameof(SandboxRemoved) => e.Data.Deserialize(JournalJson.Default.SandboxRemoved),
        _ => null,
    } ?? throw new InvalidDataException($"journal event of unknown type {e.Type}");
}
