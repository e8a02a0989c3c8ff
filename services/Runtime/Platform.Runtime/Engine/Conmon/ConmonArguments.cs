namespace Platform.Runtime.Engine.Conmon;

/// <summary>conmon's command line for a container (runc create) and for an exec session (runc exec).</summary>
static class ConmonArguments
{
    public static List<string> ForContainer(EngineSettings settings, MonitorPlan plan)
    {
        var dir = settings.ContainerDir(plan.Id);
        var args = Common(settings, plan.Id, plan.Id, settings.BundleDir(plan.Id), dir, settings.ExitsDir, settings.LogPath(plan.Id));
        args.AddRange(["--conmon-pidfile", Path.Combine(dir, "conmon.pid"), "--persist-dir", dir]);
        if (plan.Tty) args.Add("--terminal");
        if (plan.OpenStdin) args.Add("--stdin");
        if (plan.OpenStdin && !plan.StdinOnce) args.Add("--leave-stdin-open");
        return args;
    }

    public static List<string> ForExec(EngineSettings settings, string containerId, string execId, string execDir, ExecLaunch exec)
    {
        var args = Common(settings, containerId, execId, execDir, execDir, execDir, Path.Combine(execDir, "exec.log"));
        args.AddRange(["--exec", "--exec-attach", "--exec-process-spec", Path.Combine(execDir, "process.json")]);
        if (exec.Tty) args.Add("--terminal");
        if (exec.Stdin) args.Add("--stdin");
        return args;
    }

    static List<string> Common(EngineSettings settings, string cid, string uuid, string bundle, string pidDir, string exitDir, string log) =>
    [
        "--api-version", "--cid", cid, "--cuuid", uuid, "--name", cid, "--runtime", settings.Runc,
        "--bundle", bundle, "--container-pidfile", Path.Combine(pidDir, "container.pid"), "--log-path", "k8s-file:" + log,
        "--exit-dir", exitDir, "--socket-dir-path", settings.SocketsDir, "--full-attach", "--log-level", "error",
        // No fsync of the log when the container ends (as Docker's logging): on this host that fsync was 1.4 ms of
        // every exit while idle and far more while the disk is busy, and it stood between the exit and its exit file.
        "--no-sync-log",
        "--runtime-arg", "--root", "--runtime-arg", settings.RuncRoot,
    ];
}
