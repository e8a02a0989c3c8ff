using Platform.Runtime.Containers.Model;
using Platform.Runtime.Journal;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers;

/// <summary>
/// The containers of this host: replayed from the journal at startup, then kept current by recording each new fact
/// in the journal first (durable) and applying it second. Readers get immutable snapshots; waiters are woken on change.
/// </summary>
public sealed class ContainerStore
{
    readonly RuntimeJournal _journal;
    readonly Lock _lock = new();
    readonly Dictionary<string, Container> _byId = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _names = new(StringComparer.Ordinal); // name (with "/") → id, incl. reservations
    /// <summary>The last state of recently removed containers, the oldest first out (<see cref="Departed"/>).</summary>
    readonly Dictionary<string, Container> _departed = new(StringComparer.Ordinal);
    readonly Queue<string> _departedOrder = new();
    const int DepartedKept = 1024;
    TaskCompletionSource _changed = NewSignal();

    public ContainerStore(RuntimeJournal journal)
    {
        _journal = journal;
        foreach (var entry in journal.ReadAfter(0))
            if (ContainerJournalCodec.Decode(entry) is { } e) Apply(e);
    }

    public IReadOnlyList<Container> All { get { lock (_lock) return [.. _byId.Values]; } }

    /// <summary>Completes at the next change of any container (callers re-check their condition).</summary>
    public Task Changed { get { lock (_lock) return _changed.Task; } }

    public async Task<Container?> RecordAsync(ContainerEvent e, CancellationToken ct = default)
    {
        var (type, data) = ContainerJournalCodec.Encode(e);
        await _journal.AppendAsync(type, "container:" + e.Id, data, ct);
        lock (_lock)
        {
            Apply(e);
            return _byId.GetValueOrDefault(e.Id);
        }
    }

    /// <summary>Holds a name for a container being created; false when another container has it.</summary>
    public bool TryReserveName(string name, string id, out string holder)
    {
        lock (_lock)
        {
            if (_names.TryGetValue(name, out holder!)) return holder == id;
            _names[name] = id;
            holder = id;
            return true;
        }
    }

    public void ReleaseName(string name, string id)
    {
        lock (_lock)
            if (_names.TryGetValue(name, out var holder) && holder == id && !_byId.ContainsKey(id)) _names.Remove(name);
    }

    /// <summary>Full id, name with or without "/", or a unique id prefix (docker-api.md §4).</summary>
    public Container? Find(string reference)
    {
        lock (_lock)
        {
            if (_byId.TryGetValue(reference, out var byId)) return byId;
            var name = reference.StartsWith('/') ? reference : "/" + reference;
            if (_names.TryGetValue(name, out var id) && _byId.TryGetValue(id, out var byName)) return byName;
            if (reference.Length == 0 || !reference.All(char.IsAsciiHexDigitLower)) return null;
            Container? match = null;
            foreach (var (key, container) in _byId)
            {
                if (!key.StartsWith(reference, StringComparison.Ordinal)) continue;
                if (match is not null) throw DockerApiException.NotFound($"multiple IDs found with provided prefix: {reference}");
                match = container;
            }
            return match;
        }
    }

    public Container Get(string reference) =>
        Find(reference) ?? throw DockerApiException.NotFound($"No such container: {reference}");

    public Container? Current(string id) { lock (_lock) return _byId.GetValueOrDefault(id); }

    /// <summary>
    /// The last state of a container removed lately: for a waiter that was not woken between its exit and its removal
    /// (an auto-remove records both in one turn), so that it still answers with the exit code.
    /// </summary>
    public Container? Departed(string id) { lock (_lock) return _departed.GetValueOrDefault(id); }

    void Apply(ContainerEvent e)
    {
        switch (e)
        {
            case ContainerCreated created:
                _byId[created.Id] = Container.Create(created);
                _names[created.Name] = created.Id;
                break;
            case ContainerDestroyed:
                if (_byId.Remove(e.Id, out var gone))
                {
                    _names.Remove(gone.Name);
                    if (_departed.TryAdd(gone.Id, gone)) _departedOrder.Enqueue(gone.Id);
                    else _departed[gone.Id] = gone;
                    if (_departedOrder.Count > DepartedKept) _departed.Remove(_departedOrder.Dequeue());
                }
                break;
            case ContainerRenamed renamed when _byId.TryGetValue(e.Id, out var c):
                _names.Remove(renamed.OldName);
                _names[renamed.NewName] = e.Id;
                _byId[e.Id] = c.Apply(e);
                break;
            default:
                if (_byId.TryGetValue(e.Id, out var current)) _byId[e.Id] = current.Apply(e);
                break;
        }
        var signal = _changed;
        _changed = NewSignal();
        signal.TrySetResult();
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
