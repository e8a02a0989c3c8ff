using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Runtime.Journal;
using Platform.Runtime.Volumes.CopyUp;
using Platform.Runtime.Volumes.Local;
using Platform.ServiceDefaults;

namespace Platform.Runtime.Volumes;

/// <summary>
/// The volumes of this host: state replayed from the runtime journal at startup, changed only by journaling an
/// event first and applying it after. Creates and removes are serialised; reads see an immutable snapshot.
/// </summary>
public sealed partial class VolumeStore
{
    readonly RuntimeJournal _journal;
    readonly VolumeUsage _usage;
    readonly LocalVolumeMounts _mounts;
    readonly TimeProvider _time;
    readonly ILogger<VolumeStore> _logger;
    const uint DirectoryMode = 0b111_101_101; // 0755, as Docker's local driver, whatever the umask
    readonly SemaphoreSlim _gate = new(1, 1);
    volatile VolumeSet _state;

    public VolumeStore(RuntimeJournal journal, VolumeUsage usage, LocalVolumeMounts mounts,
        IOptions<PlatformHostOptions> options, TimeProvider time, ILogger<VolumeStore> logger)
    {
        (_journal, _usage, _mounts, _time, _logger) = (journal, usage, mounts, time, logger);
        _state = Replay(journal, VolumeSet.Empty(Path.Combine(options.Value.Root, "runtime", "volumes")));
    }

    public VolumeUsage Usage => _usage;

    public Volume? Find(string name) => _state.Volumes.GetValueOrDefault(name);

    /// <summary>Every volume, ordered by name.</summary>
    public IReadOnlyList<Volume> List() => [.. _state.Volumes.Values.OrderBy(v => v.Name, StringComparer.Ordinal)];

    /// <summary>Creates the volume, or returns the existing one of that name (Created false), as Docker does.</summary>
    public async Task<(Volume Volume, bool Created)> CreateAsync(CreateVolume command, CancellationToken ct)
    {
        ValueTask<long> durable;
        Volume volume;
        await _gate.WaitAsync(ct);
        try
        {
            var created = VolumeDecisions.Decide(_state, command, _time.GetUtcNow());
            if (created is null) return (_state.Volumes[command.Name], false);
            Directory.CreateDirectory(_state.MountpointOf(created.Name));
            FileSyscalls.ChangeMode(_state.RootOf(created.Name), DirectoryMode);
            FileSyscalls.ChangeMode(_state.MountpointOf(created.Name), DirectoryMode);
            // Queued in decision order under the gate; its fsync is awaited outside it, so concurrent creates share one.
            durable = AppendAsync(VolumeCreated.Type, created.Name, JsonSerializer.SerializeToUtf8Bytes(created, VolumeJournalJson.Default.VolumeCreated));
            _state = _state.Apply(created);
            volume = _state.Volumes[created.Name];
        }
        finally { _gate.Release(); }
        await durable;
        _logger.LogInformation("Created volume {Volume}", volume.Name);
        return (volume, true);
    }

    /// <summary>
    /// The volume a container mounts: created when missing (a null name makes an anonymous volume with a random
    /// name), returned as it is otherwise.
    /// </summary>
    public async Task<Volume> EnsureAsync(string? name, IReadOnlyDictionary<string, string>? labels, bool anonymous, CancellationToken ct)
    {
        var command = new CreateVolume(name ?? VolumeNames.Random(), VolumeDecisions.LocalDriver,
            labels ?? new Dictionary<string, string>(), null, anonymous || name is null);
        return (await CreateAsync(command, ct)).Volume;
    }

    /// <summary>
    /// Removes a volume and its data. Force forgives a missing volume only; a volume in use is refused either way
    /// (<see cref="VolumeError"/> 404 / 409).
    /// </summary>
    public async Task RemoveAsync(string name, bool force, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        string? trash;
        ValueTask<long> durable;
        try
        {
            var removed = VolumeDecisions.Decide(_state, new RemoveVolume(name, force), _usage.UsersOf(name), _time.GetUtcNow());
            if (removed is null) return;
            _mounts.Release(_state.Volumes[name]);
            durable = AppendAsync(VolumeRemoved.Type, name, JsonSerializer.SerializeToUtf8Bytes(removed, VolumeJournalJson.Default.VolumeRemoved));
            _state = _state.Apply(removed);
            trash = MoveAside(_state.RootOf(name));
        }
        finally { _gate.Release(); }
        await durable;
        _logger.LogInformation("Removed volume {Volume}", name);
        if (trash is not null) DeleteTree(trash);
    }

    /// <summary>
    /// Docker's copy-up: the first time a container mounts an empty volume over a directory of its image, that
    /// directory's content (modes, owners, symlinks, hard links, device nodes, xattrs, times) is copied in.
    /// Does nothing when the volume already holds anything or the image has nothing at that path.
    /// </summary>
    public static Task CopyUpAsync(string sourceDirInContainerRootfs, string volumeDataDir) =>
        Task.Run(() => VolumeCopyUp.Copy(sourceDirInContainerRootfs, volumeDataDir));

    ValueTask<long> AppendAsync(string type, string name, byte[] data) =>
        // Not cancellable: once the decision is made the fact must land, or the state and the disk would disagree.
        _journal.AppendAsync(type, VolumeCreated.StreamOf(name), data, CancellationToken.None);
}
