namespace Platform.Runtime.Oci;

/// <summary>
/// What can be done to an existing container: its state, signals, freezing, deletion. The command line runs these,
/// and so does the runtime service in its own process (no program started per `docker kill`, `pause` or `rm -f`).
/// Messages are runc's: "does not exist" and "not running" are what callers map to 404 and 409.
/// </summary>
static class OciContainers
{
    public static (OciState State, string Status) State(string root, string id)
    {
        var state = Load(root, id);
        return (state, state.Status(root));
    }

    public static void Kill(string root, string id, int signal)
    {
        var state = Load(root, id);
        if (!state.InitAlive()) throw new OciException("container not running");
        if (Sys.kill(state.InitProcessPid, signal) != 0 && Sys.Errno != Sys.ESRCH)
            throw new OciException($"kill: {Sys.Error(Sys.Errno)}");
    }

    public static void Freeze(string root, string id, bool frozen)
    {
        var state = Load(root, id);
        if (!state.InitAlive()) throw new OciException("container not running");
        Cgroup.Freeze(state.CgroupPath, frozen);
    }

    /// <summary>delete [--force]: kills what still runs in the container's cgroup, removes the cgroup and the state.</summary>
    public static void Delete(string root, string id, bool force)
    {
        var dir = OciState.Dir(root, id);
        var state = OciState.Load(root, id);
        if (state is null)
        {
            if (!Directory.Exists(dir)) throw new OciException($"container does not exist: {id}");
            Directory.Delete(dir, recursive: true);
            return;
        }
        var status = state.Status(root);
        if (status is not ("stopped" or "created") && !force)
            throw new OciException($"cannot delete container {id} that is not stopped: {status}");
        KillAll(state);
        Cgroup.Remove(state.CgroupPath);
        Directory.Delete(dir, recursive: true);
    }

    static OciState Load(string root, string id) => OciState.Load(root, id) ?? throw new OciException($"container does not exist: {id}");

    /// <summary>SIGKILL to every process of the container (thawed first, a frozen one cannot die), until none is left.</summary>
    static void KillAll(OciState state)
    {
        if (Cgroup.IsFrozen(state.CgroupPath)) Cgroup.Freeze(state.CgroupPath, false);
        var deadline = Environment.TickCount64 + 10_000;
        while (true)
        {
            var pids = Cgroup.Pids(state.CgroupPath).ToList();
            if (state.InitAlive()) pids.Add(state.InitProcessPid);
            if (pids.Count == 0) return;
            foreach (var pid in pids) Sys.kill(pid, Sys.SIGKILL);
            if (Environment.TickCount64 > deadline) throw new OciException($"processes of {state.Id} did not die");
            Thread.Sleep(2);
        }
    }
}
