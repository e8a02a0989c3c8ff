using Platform.Networking.State;
using Platform.Networking.State.Journal;

namespace Platform.Networking.Sandboxes;

/// <summary>
/// Sandbox streams ("sandbox:" + container id) held in memory as the authority: the live ones with their state, the
/// closed ones by version only (a container started again continues its stream). Writes go to the journal.
/// </summary>
public sealed class SandboxStreams(StateJournal journal)
{
    readonly JournaledStreams<SandboxState> _streams = new(journal, SandboxHistory.Fold);

    public SandboxState? Live(string containerId) => _streams.Find(SandboxState.StreamKey(containerId)) is { Live: true } live ? live : null;

    public IReadOnlyList<SandboxState> AllLive() => [.. _streams.All.Where(s => s.Live)];

    public Task<(SandboxState? State, IReadOnlyList<object> Events)> WriteAsync(
        string containerId, Func<SandboxState?, IReadOnlyList<object>> decide) =>
        _streams.WriteAsync(SandboxState.StreamKey(containerId), decide, CancellationToken.None);

    /// <summary>At startup: a stream's version as Marten has it, and the sandbox when it is live.</summary>
    public void Load(string streamKey, SandboxState? live, long version) => _streams.Load(streamKey, live, version);
}
