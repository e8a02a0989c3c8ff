using System.Collections.Immutable;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Journal;

namespace Platform.Runtime.Shipping.Containers;

/// <summary>
/// The mapper's view of this host's containers (by id) as of a journal sequence, advanced one entry at a time.
/// The shipper maps in order but re-maps from its cursor after a failed publish, and starts from its cursor after a
/// restart: the states after the last entries are kept (immutable, so cheap) to step back to, and any other move
/// replays the journal from its start, so the facts for an entry never depend on what was mapped before.
/// Not thread-safe: one shipper drives it.
/// </summary>
public sealed class ContainerIndex(RuntimeJournal journal)
{
    /// <summary>More than a shipper batch, so a re-map from the cursor never needs a replay.</summary>
    const int Kept = 1024;

    const int ReplayChunk = 4096;

    static readonly ImmutableDictionary<string, ContainerFacts> Empty = ImmutableDictionary.Create<string, ContainerFacts>(StringComparer.Ordinal);

    readonly List<(long Sequence, ImmutableDictionary<string, ContainerFacts> State)> _recent = [];
    ImmutableDictionary<string, ContainerFacts> _state = Empty;

    /// <summary>The journal sequence the index reflects (every entry up to it applied).</summary>
    public long Through { get; private set; }

    /// <summary>
    /// Brings the index to just before <paramref name="sequence"/>, applies <paramref name="fact"/> (null for entries of
    /// other areas), and returns the facts of its container: as they are after it, or before it when it removed them.
    /// </summary>
    public ContainerFacts? Advance(long sequence, ContainerEvent? fact)
    {
        MoveTo(sequence - 1);
        var before = _state;
        Step(sequence, fact);
        if (fact is null) return null;
        return _state.GetValueOrDefault(fact.Id) ?? before.GetValueOrDefault(fact.Id) ?? ContainerFacts.Unknown;
    }

    /// <summary>The facts of a container as of <see cref="Through"/>, for entries that are not container facts (exec).</summary>
    public ContainerFacts Of(string id) => _state.GetValueOrDefault(id) ?? ContainerFacts.Unknown;

    void MoveTo(long sequence)
    {
        if (sequence == Through) return;
        if (sequence < Through && !TryStepBack(sequence))
        {
            (_state, Through) = (Empty, 0);
            _recent.Clear();
        }
        while (Through < sequence)
        {
            var read = 0;
            foreach (var entry in journal.ReadAfter(Through, (int)Math.Min(ReplayChunk, sequence - Through)))
            {
                Step(entry.Sequence, ContainerJournalCodec.Decode(entry));
                read++;
            }
            if (read == 0) throw new InvalidOperationException($"journal has no entry {Through + 1} (asked to map up to {sequence})");
        }
    }

    bool TryStepBack(long sequence)
    {
        if (sequence == 0 || _recent.Count == 0) return false;
        var at = sequence - _recent[0].Sequence;
        if (at < 0 || at >= _recent.Count) return false;
        (_state, Through) = (_recent[(int)at].State, sequence);
        _recent.RemoveRange((int)at + 1, _recent.Count - (int)at - 1);
        return true;
    }

    void Step(long sequence, ContainerEvent? fact)
    {
        _state = fact switch
        {
            ContainerCreated created => _state.SetItem(created.Id, ContainerFacts.Of(created)),
            ContainerRenamed renamed when _state.TryGetValue(renamed.Id, out var c) => _state.SetItem(renamed.Id, c.RenamedTo(renamed.NewName)),
            ContainerDestroyed destroyed => _state.Remove(destroyed.Id),
            _ => _state,
        };
        Through = sequence;
        _recent.Add((sequence, _state));
        if (_recent.Count > 2 * Kept) _recent.RemoveRange(0, _recent.Count - Kept);
    }
}
