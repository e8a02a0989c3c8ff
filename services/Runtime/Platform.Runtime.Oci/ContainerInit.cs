using System.Text;
using System.Text.Json;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Oci;

/// <summary>
/// The second stage, this binary again, started by <see cref="OciRuntime"/> inside the container's namespaces with
/// the sync socket on fd 3 (and the console socket on fd 4 with a terminal). It waits for "go" (its cgroup joined),
/// sets the container up, answers "k" (ready) or "e" and the error, and execs the container's process.
/// </summary>
static class ContainerInit
{
    const int SyncFd = 3, ConsoleFd = 4;

    /// <summary>A container's init: filesystem, hostname, terminal, limits, confinement; exec once started.</summary>
    public static int Run(OciOptions options)
    {
        Tracing.Mark("init main");
        if (!AwaitGo()) return 1;
        Tracing.Mark("init go");
        try
        {
            var bundle = options.Value("bundle") ?? throw new OciException("init needs --bundle");
            var spec = OciRuntime.ReadSpec(bundle);
            var rootfs = Path.IsPathRooted(spec.Root.Path) ? spec.Root.Path : Path.Combine(bundle, spec.Root.Path);
            spec = spec with { Root = spec.Root with { Path = rootfs } };
            var seccomp = spec.Linux.Seccomp is { } profile ? Seccomp.Compile(profile, options.Root) : null;

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
            if (spec.Process.Terminal) ProcessSetup.Terminal(spec.Process, ConsoleFd, bindConsole: true);
            ProcessSetup.SetRlimits(spec.Process);
            ProcessSetup.Confine(spec.Process, seccomp);
            Tracing.Mark("init confined");
            var executable = ProcessSetup.Lookup(spec.Process);
            ProcessSetup.CloseOnExecAbove(SyncFd);
            Tracing.Mark("init ready");

            Sys.WriteAll(SyncFd, "k"u8);
            Sys.close(SyncFd);
            // Blocks until the engine opens the fifo to read: that is the container's start.
            var start = Sys.open($"/proc/self/fd/{fifo}", Sys.O_WRONLY | Sys.O_CLOEXEC, 0);
            if (start < 0) return Fail($"open exec.fifo: {Sys.Error(Sys.Errno)}");
            Sys.WriteAll(start, "0"u8);
            Sys.close(start);
            return Fail(ProcessSetup.Exec(executable, spec.Process));
        }
        catch (Exception e)
        {
            Answer("unable to start container process: " + e.Message);
            return 1;
        }
    }

    /// <summary>An exec session's process: into the container's mount namespace, then as the container's own.</summary>
    public static int RunExec(OciOptions options)
    {
        if (!AwaitGo()) return 1;
        try
        {
            var state = OciState.Load(options.Root, options.Id) ?? throw new OciException($"container does not exist: {options.Id}");
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
            Answer(ProcessSetup.Exec(executable, process)); // only reached when execve failed
            return 127;
        }
        catch (Exception e)
        {
            Answer("unable to start container process: " + e.Message);
            return 1;
        }
    }

    /// <summary>Waits for the parent's "go"; false when it went away first.</summary>
    static bool AwaitGo()
    {
        Sys.fcntl(SyncFd, 2 /* F_SETFD */, 1 /* FD_CLOEXEC */);
        Sys.fcntl(ConsoleFd, 2, 1);
        Span<byte> go = stackalloc byte[1];
        return Sys.Read(SyncFd, go) == 1;
    }

    static void Answer(string error)
    {
        try { Sys.WriteAll(SyncFd, Encoding.UTF8.GetBytes("e" + error)); }
        catch (OciException) { Console.Error.WriteLine(error); }
    }

    static int Fail(string error)
    {
        Console.Error.WriteLine(error);
        return 127;
    }
}
