using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Runtime.Journal;

namespace Platform.Runtime.Containers.Model;

/// <summary>Source-generated JSON of the container facts as the journal stores them.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ContainerCreated))]
[JsonSerializable(typeof(ContainerStarted))]
[JsonSerializable(typeof(ContainerStartFailed))]
[JsonSerializable(typeof(ContainerExited))]
[JsonSerializable(typeof(ContainerKilled))]
[JsonSerializable(typeof(ContainerStopped))]
[JsonSerializable(typeof(ContainerPaused))]
[JsonSerializable(typeof(ContainerUnpaused))]
[JsonSerializable(typeof(ContainerRenamed))]
[JsonSerializable(typeof(ContainerDestroyed))]
[JsonSerializable(typeof(ContainerNetworkAttached))]
[JsonSerializable(typeof(ContainerConnected))]
[JsonSerializable(typeof(ContainerDisconnected))]
[JsonSerializable(typeof(ContainerNetworkDetached))]
public sealed partial class ContainerJournalJson : JsonSerializerContext;

/// <summary>Container facts to and from journal entries.</summary>
public static class ContainerJournalCodec
{
    static ContainerJournalJson Json => ContainerJournalJson.Default;

    public static (string Type, byte[] Data) Encode(ContainerEvent e) => e switch
    {
        ContainerCreated c => (ContainerCreated.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerCreated)),
        ContainerStarted c => (ContainerStarted.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerStarted)),
        ContainerStartFailed c => (ContainerStartFailed.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerStartFailed)),
        ContainerExited c => (ContainerExited.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerExited)),
        ContainerKilled c => (ContainerKilled.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerKilled)),
        ContainerStopped c => (ContainerStopped.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerStopped)),
        ContainerPaused c => (ContainerPaused.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerPaused)),
        ContainerUnpaused c => (ContainerUnpaused.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerUnpaused)),
        ContainerRenamed c => (ContainerRenamed.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerRenamed)),
        ContainerDestroyed c => (ContainerDestroyed.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerDestroyed)),
        ContainerNetworkAttached c => (ContainerNetworkAttached.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerNetworkAttached)),
        ContainerConnected c => (ContainerConnected.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerConnected)),
        ContainerDisconnected c => (ContainerDisconnected.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerDisconnected)),
        ContainerNetworkDetached c => (ContainerNetworkDetached.Type, JsonSerializer.SerializeToUtf8Bytes(c, Json.ContainerNetworkDetached)),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    /// <summary>The container fact in a journal entry, or null for entries of other areas.</summary>
    public static ContainerEvent? Decode(JournalEntry entry) => entry.Type switch
    {
        ContainerCreated.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerCreated),
        ContainerStarted.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerStarted),
        ContainerStartFailed.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerStartFailed),
        ContainerExited.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerExited),
        ContainerKilled.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerKilled),
        ContainerStopped.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerStopped),
        ContainerPaused.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerPaused),
        ContainerUnpaused.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerUnpaused),
        ContainerRenamed.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerRenamed),
        ContainerDestroyed.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerDestroyed),
        ContainerNetworkAttached.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerNetworkAttached),
        ContainerConnected.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerConnected),
        ContainerDisconnected.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerDisconnected),
        ContainerNetworkDetached.Type => JsonSerializer.Deserialize(entry.Data, Json.ContainerNetworkDetached),
        _ => null,
    };
}
