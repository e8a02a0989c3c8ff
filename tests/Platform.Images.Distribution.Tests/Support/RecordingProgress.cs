using System.Collections.Concurrent;
using Platform.Images.Distribution.Progress;

namespace Platform.Images.Distribution.Tests.Support;

/// <summary>Keeps every progress message, in order, and renders them as the JSON Docker clients receive.</summary>
public sealed class RecordingProgress : IProgressWriter
{
    readonly ConcurrentQueue<JsonMessage> _messages = new();

    public IReadOnlyList<JsonMessage> Messages => _messages.ToList();

    public IReadOnlyList<string> Json => Messages.Select(JsonMessageFormat.ToText).ToList();

    /// <summary>Statuses of messages without a progress bar, for one id (layer) in order.</summary>
    public IReadOnlyList<string> StatusesOf(string id) =>
        Messages.Where(m => m.Id == id && m.Progress is null).Select(m => m.Status!).ToList();

    /// <summary>Lines without an id (the ones the CLI prints on their own).</summary>
    public IReadOnlyList<string> Lines => Messages.Where(m => m.Id is null && m.Status is not null).Select(m => m.Status!).ToList();

    public ValueTask WriteAsync(JsonMessage message, CancellationToken ct = default)
    {
        _messages.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}
