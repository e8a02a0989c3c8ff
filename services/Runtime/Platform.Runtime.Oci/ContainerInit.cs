using System.Text;
using System.Text.Json;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Oci;

/// <summary>
/// The second stage. The container's init is a fork of create (<see cref="OciRuntime"/>), born inside the container's
/// namespaces with the create's spec, compiled seccomp filter and its end of the sync socket (and the console socket
/// with a terminal): no second program start. It waits for "go" (its cgroups made), moves itself into them, sets the
/// container up, answers "k" (ready) or "e" and the error, and execs the container's process. An exec's process is
/// this binary again (`exec-init`), with the sync socket on fd 3 and the console socket on fd 4.
/// </summary>
static class ContainerInit
{
    const int SyncFd = 3, ConsoleFd = 4;

    /// <summary>
    /// A container's init, in the forked child: filesystem, hostname, terminal, limits, confinement; exec once started.
    /// Returns only on failure, with the exit code.
    /// </summary>
    public static int Run(OciOptions options, OciSpec spec, string rootfs, byte[]? seccomp, int sync, int console)
    {
        Tracing.Mark("init main");
        if (!AwaitGo(sync)) return 1;
        Tracing.Mark("init go");
        try
        {
            Cgroup.JoinSelf(spec.Linux.CgroupsPath);
            spec = spec with { Root = spec.Root with { Path = rootfs } };

            if (spec.Linux.Namespaces.Any(n => n.Type == "cgroup")) Sys.Check(Sys.unshare(Sys.CLONE_NEWCGROUP), "unshare cgroup namespace");
            if (spec.Linux.Namespaces.Any(n => n.Type == "network" && string.IsNullOrEmpty(n.Path))) Network.LoopbackUp();
            // A session keyring of its own: the container does not see or share the keys of whoever started it.
            if (Sys.JoinSessionKeyring("_ses." + options.Id) < 0 && Sys.Errno != Sys.ENOSYS)
                throw new OciException($"join a new session keyring: {Sys.Error(Sys.Errno)}");
            var fifo = Sys.Check(Sys.open(Path.Combine(OciState.Dir(options.Root, options.Id), OciState.FifoFile), Sys.O_PATH | Sys.O_CLOEXEC, 0), "open exec.fifo");

            Tracing.Mark("init pre");
            RootfsSetup.BeforePivot(spec);
            Tracing.Mark("init mounts");
            RootfsSetup.Pivot(rootfs);
            RootfsSetup.AfterPivot(spec);
            Tracing.Mark("init pivot");
            if (spec.Linux.Namespaces.Any(n => n.Type == "uts") && spec.Hostname.Length > 0)
                Sys.Check(Sys.sethostname(spec.Hostname, Encoding.UTF8.GetByteCount(spec.Hostname)), "sethostname");
            if (spec.Process.Terminal) ProcessSetup.Terminal(spec.Process, console, bindConsole: true);
            ProcessSetup.SetRlimits(spec.Process);
            ProcessSetup.Confine(spec.Process, seccomp);
            Tracing.Mark("init confined");
            var executable = ProcessSetup.Lookup(spec.Process);
            ProcessSetup.CloseOnExecAbove(3); // what create held stays out of the container
            Tracing.Mark("init ready");

            Sys.WriteAll(sync, "k"u8);
            Sys.close(sync);
            // Blocks until the engine opens the fifo to read: that is the container's start.
            var start = Sys.open($"/proc/self/fd/{fifo}", Sys.O_WRONLY | Sys.O_CLOEXEC, 0);
            if (start < 0) return Fail($"open exec.fifo: {Sys.Error(Sys.Errno)}");
            Sys.WriteAll(start, "0"u8);
            Sys.close(start);
            return Fail(ProcessSetup.Exec(executable, spec.Process));
        }
        catch (Exception e)
        {
            Answer(sync, "unable to start container process: " + e.Message);
            return 1;
        }
    }

    /// <summary>An exec session's process: into the container's mount namespace, then as the container's own.</summary>
    public static int RunExec(OciOptions options)
    {
        Sys.fcntl(SyncFd, 2 /* F_SETFD */, 1 /* FD_CLOEXEC */);
        Sys.fcntl(ConsoleFd, 2, 1);
        if (!AwaitGo(SyncFd)) return 1;
        try
        {
            var state = OciState.Load(options.Root, options.Id) ?? throw new OciException($"container does not exist: {options.Id}");
            Cgroup.JoinSelf(state.CgroupPath);
            var process = SpecReader.Process(File.ReadAllBytes(options.Value("process") ?? throw new OciException("exec needs --process")));
            var spec = OciRuntime.ReadSpec(state.Bundle);
            var seccomp = spec.Linux.Seccomp is { } profile ? Seccomp.Compile(profile, options.Root) : null;

            Sys.Check(Sys.unshare(Sys.CLONE_FS), "unshare fs");
            var mnt = Sys.Check(Sys.open($"/proc/{state.InitProcessPid}/ns/mnt", Sys.O_RDONLY | Sys.O_CLOEXEC, 0), "open the container's mount namespace");
            Sys.Check(Sys.setns(mnt, Sys.CLONE_NEWNS), "join the container's mount namespace");
            Sys.close(mnt);
            if (process.Terminal) ProcessSetup.Terminal(process, ConsoleFd, bindConsole: false);
            ProcessSetup.SetRlimits(process);
            ProcessSetup.Confine(process, seccomp);
            var executable = ProcessSetup.Lookup(process);
            ProcessSetup.CloseOnExecAbove(SyncFd);
            Answer(SyncFd, ProcessSetup.Exec(executable, process)); // only reached when execve failed
            return 127;
        }
        catch (Exception e)
        {
            Answer(SyncFd, "unable to start container process: " + e.Message);
            return 1;
        }
    }

    /// <summary>Waits for the parent's "go"; false when it went away first.</summary>
    static bool AwaitGo(int sync)
    {
        Span<byte> go = stackalloc byte[1];
        return Sys.Read(sync, go) == 1;
    }

    static void Answer(int sync, string error)
    {
        try { Sys.WriteAll(sync, Encoding.UTF8.GetBytes("e" + error)); }
        catch (OciException) { Console.Error.WriteLine(error); }
    }

    static int Fail(string error)
    {
        Console.Error.WriteLine(error);
        return 127;
    }
}
