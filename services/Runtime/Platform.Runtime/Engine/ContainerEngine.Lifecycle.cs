using System.Diagnostics;
using System.Text.Json;
using Platform.Runtime.Engine.Conmon;
using Platform.Runtime.Engine.Native;
using Platform.Runtime.Engine.Rootfs;
using Platform.Runtime.Engine.Runc;
using Platform.Runtime.Engine.Spec;
using Platform.Runtime.Oci;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Engine;

public sealed partial class ContainerEngine
{
    static readonly TimeSpan CreateTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Starts the container's conmon ahead of its bundle. conmon waits on its start pipe before it does anything
    /// visible, so its own start (a process, its libraries, ≈ 8 ms) overlaps the network sandbox and the bundle's
    /// writing instead of following them. Pass it to <see cref="CreateAsync"/>; disposed unused, it is killed.
    /// </summary>
    public async Task<PendingMonitor> SpawnMonitorAsync(MonitorPlan plan, CancellationToken ct)
    {
        var id = Checked(plan.Id);
        if (RootfsMounter.Existing(_settings.ContainerDir(id)) is null) throw new EngineException($"root filesystem of container {id} is not mounted", 409);
        await ForgetPreviousRunAsync(id, ct);
        return new PendingMonitor(plan, ConmonProcess.Spawn(_settings.Conmon, ConmonArguments.ForContainer(_settings, plan), attachPipe: false, _settings.ContainerDir(id)));
    }

    /// <summary>Writes the bundle and etc files, lets conmon run the OCI runtime's create; returns the container's pid.</summary>
    public async Task<int> CreateAsync(ContainerLaunch launch, CancellationToken ct, PendingMonitor? monitor = null)
    {
        var id = Checked(launch.Id);
        if (monitor is not null && monitor.Plan != MonitorPlan.For(launch)) throw new ArgumentException("the monitor was spawned for another launch", nameof(monitor));
        using var spawned = monitor ?? await SpawnMonitorAsync(MonitorPlan.For(launch), ct);
        var dir = _settings.ContainerDir(id);
        var rootfs = RootfsMounter.Existing(dir) ?? throw new EngineException($"root filesystem of container {id} is not mounted", 409);
        var bundle = Directory.CreateDirectory(_settings.BundleDir(id)).FullName;
        EtcFiles.Write(dir, launch);
        var spec = OciSpecBuilder.Build(launch, rootfs, dir, _settings);
        await File.WriteAllBytesAsync(Path.Combine(bundle, "config.json"), JsonSerializer.SerializeToUtf8Bytes(spec, OciJson.Default.OciSpec), ct);

        var conmon = spawned.Conmon;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CreateTimeout);
        await conmon.SignalStartAsync(last: true);
        var created = await conmon.ReadSyncAsync(timeout.Token);
        if (created is { Data: > 0 } ok)
        {
            _createdInits[id] = ok.Data;
            return ok.Data;
        }

        var message = await conmon.Failure(created, "create");
        await DeleteAsync(id, CancellationToken.None);
        var invalid = message.Contains("executable file not found") || message.Contains("no such file or directory");
        throw new EngineException("OCI runtime create failed: " + message, invalid ? 400 : 500);
    }

    /// <summary>Lets a created container's init exec the container's process (what `runc start` does, in process).</summary>
    public Task StartAsync(string id, CancellationToken ct)
    {
        Checked(id);
        var pid = _createdInits.TryRemove(id, out var known) ? known : _runc.InitPid(id)
            ?? throw new EngineException($"container {id} is not created", 409);
        return ExecFifo.ReleaseAsync(_runc.StateDir(id), pid, ct);
    }

    public Task KillAsync(string id, int signal, CancellationToken ct) => _runc.KillAsync(Checked(id), signal, ct);

    public Task PauseAsync(string id, CancellationToken ct) => _runc.PauseAsync(Checked(id), ct);

    public Task ResumeAsync(string id, CancellationToken ct) => _runc.ResumeAsync(Checked(id), ct);

    /// <summary>
    /// Kills and deletes the runc container, removes exit file and cgroups. Idempotent.
    /// A container whose processes are all gone (the usual case: its exit was seen) needs no runc process for that:
    /// what `runc delete` would do then is remove its state directory and cgroups, which this does itself.
    /// </summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        Checked(id);
        _createdInits.TryRemove(id, out _);
        await DeleteRuncStateAsync(id, ct);
        // conmon leaves a moment after it wrote the exit file. Nothing here needs it gone, so an exit or a removal does
        // not wait for it; a next run of the same id (a new conmon on the same files and sockets) does.
        WatchConmonLeave(id);
        File.Delete(_settings.ExitFile(id));
        _exits.Forget(id);
        Cgroup.Remove(_settings.CgroupsPath(id)); // from every hierarchy, as runc or platform-oci made it
    }

    /// <summary>Drops runc's state of the container: itself when no process is left, else through `runc delete`.</summary>
    async Task DeleteRuncStateAsync(string id, CancellationToken ct)
    {
        var stateDir = _runc.StateDir(id);
        if (!Directory.Exists(stateDir)) return;
        if (HasNoProcesses(id)) Directory.Delete(stateDir, recursive: true);
        else await _runc.DeleteAsync(id, ct);
    }

    /// <summary>True when the container's init is gone and its cgroup holds no process (so nothing is left to kill).</summary>
    bool HasNoProcesses(string id)
    {
        if (_runc.InitPid(id) is not { } pid || ProcessState.IsAlive(pid)) return false;
        try
        {
            var procs = File.ReadAllText($"/sys/fs/cgroup/pids{_settings.CgroupsPath(id)}/cgroup.procs");
            return procs.Trim().Length == 0;
        }
        catch (IOException)
        {
            return false; // no pids cgroup to ask: let runc decide
        }
    }

    /// <summary>
    /// Unmounts the root filesystem and removes the container directory (bundle, logs, upper layer). Idempotent.
    /// The directory is renamed into the trash at once and deleted in the background: a removal does not wait for a
    /// writable layer's files to be unlinked one by one. What a crash leaves in the trash goes at the next start.
    /// </summary>
    public async Task RemoveFilesAsync(string id)
    {
        var dir = ContainerDir(id);
        await UnmountRootfsAsync(id); // returns once nothing is mounted there, or throws
        if (!Directory.Exists(dir)) return;
        var trashed = Path.Combine(_settings.TrashDir, $"{id}.{Guid.NewGuid():N}");
        try
        {
            Directory.Move(dir, trashed);
        }
        catch (IOException)
        {
            Directory.Delete(dir, recursive: true); // no trash to rename into (another filesystem, or it is gone)
            return;
        }
        _ = Task.Run(() => DeleteQuietly(trashed));
    }

    /// <summary>At startup: what removals left in the trash when the runtime went away.</summary>
    public void EmptyTrash()
    {
        if (!Directory.Exists(_settings.TrashDir)) return;
        foreach (var dir in Directory.EnumerateDirectories(_settings.TrashDir)) DeleteQuietly(dir);
    }

    static void DeleteQuietly(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException) { }
    }

    public async Task<AttachSession> AttachAsync(string id, bool stdin, CancellationToken ct) =>
        new(await Attaching.AttachSocket.ConnectAsync(_settings.BundleDir(Checked(id)), ct));

    public Task ResizeAsync(string id, int height, int width) => ControlFifo.ResizeAsync(_settings.BundleDir(Checked(id)), height, width);

    /// <summary>A re-created container reuses its id: drop the previous run's runc state, exit file and OOM marker.</summary>
    async Task ForgetPreviousRunAsync(string id, CancellationToken ct)
    {
        if (_conmonLeaving.TryGetValue(id, out var leaving)) await leaving.WaitAsync(ct);
        await DeleteRuncStateAsync(id, ct);
        File.Delete(_settings.ExitFile(id));
        File.Delete(Path.Combine(_settings.ContainerDir(id), "oom"));
        File.Delete(Path.Combine(_settings.ContainerDir(id), "exit"));
        _exits.Forget(id);
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _conmonLeaving = new(StringComparer.Ordinal);

    void WatchConmonLeave(string id)
    {
        var pidFile = Path.Combine(_settings.ContainerDir(id), "conmon.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) || !IsConmonOf(pid, id)) return;
        var started = OciState.StartTime(pid);
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _conmonLeaving[id] = gone.Task;
        _ = Task.Run(async () =>
        {
            try { await StopConmonAsync(id, pid, started); }
            finally
            {
                _conmonLeaving.TryRemove(new KeyValuePair<string, Task>(id, gone.Task));
                gone.SetResult();
            }
        });
    }

    /// <summary>conmon leaves once the container is gone; one that lingers (stuck on a client) is killed.</summary>
    async Task StopConmonAsync(string id, int pid, ulong? started)
    {
        var clock = Stopwatch.StartNew();
        for (var delay = 1; IsConmonOf(pid, id) && OciState.StartTime(pid) == started; delay = Math.Min(delay * 2, 20))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(5)) { try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } }
            await Task.Delay(delay);
        }
    }

    static bool IsConmonOf(int pid, string id)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return cmdline.Length > 0 && cmdline[0].EndsWith("conmon", StringComparison.Ordinal) && cmdline.Contains(id)
                && ProcessState.IsAlive(pid);
        }
        catch (IOException) { return false; }
    }
}
