using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Platform.Runtime.Engine.Exits;

/// <summary>
/// Watches the directory where conmon writes one exit file per container ({RunDir}/runtime/exits/&lt;id&gt;, the code
/// as text). Files already there at startup (exits while the runtime was down) are reported first.
/// </summary>
sealed class ExitMonitor : IDisposable
{
    readonly EngineSettings _settings;
    readonly Channel<ContainerExit> _exits = Channel.CreateUnbounded<ContainerExit>();
    readonly ConcurrentDictionary<string, DateTime> _reported = new();
    readonly ConcurrentDictionary<string, TaskCompletionSource<ContainerExit>> _waiters = new();
    readonly FileSystemWatcher _watcher;

    public ExitMonitor(EngineSettings settings)
    {
        _settings = settings;
        _watcher = new FileSystemWatcher(settings.ExitsDir) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
        _watcher.Created += (_, e) => Report(e.Name);
        _watcher.Renamed += (_, e) => Report(e.Name);
        _watcher.Changed += (_, e) => Report(e.Name);
        _watcher.EnableRaisingEvents = true;
        foreach (var file in Directory.EnumerateFiles(settings.ExitsDir)) Report(Path.GetFileName(file));
    }

    public ChannelReader<ContainerExit> Exits => _exits.Reader;

    /// <summary>The container's exit, from its file if it is already there, else when conmon writes it.</summary>
    public async Task<ContainerExit> WaitAsync(string id, CancellationToken ct)
    {
        var waiter = _waiters.GetOrAdd(id, _ => new TaskCompletionSource<ContainerExit>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Read(id) is { } exit) waiter.TrySetResult(exit);
        return await waiter.Task.WaitAsync(ct);
    }

    /// <summary>The exit file is gone (container deleted): a later run of the same id is reported afresh.</summary>
    public void Forget(string id)
    {
        _reported.TryRemove(id, out _);
        _waiters.TryRemove(id, out _);
    }

    public ContainerExit? Read(string id)
    {
        var path = _settings.ExitFile(id);
        try
        {
            var text = File.ReadAllText(path).Trim();
            if (!int.TryParse(text, out var code)) return null; // conmon renames a complete file in; an empty one is not ours
            var at = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            var oom = File.Exists(Path.Combine(_settings.ContainerDir(id), "oom"));
            return new ContainerExit(id, code, oom, at);
        }
        catch (IOException) { return null; }
    }

    void Report(string? name)
    {
        if (name is null || name.Contains('.')) return; // conmon's temporary file before the rename
        if (Read(name) is not { } exit) return;
        lock (_reported)
        {
            if (_reported.TryGetValue(name, out var seen) && seen == exit.At.UtcDateTime) return;
            _reported[name] = exit.At.UtcDateTime;
            _exits.Writer.TryWrite(exit);
        }
        if (_waiters.TryGetValue(name, out var waiter)) waiter.TrySetResult(exit);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _exits.Writer.TryComplete();
    }
}
