using System.Text;
using System.Text.Json;
using Platform.Runtime.Oci.Native;
using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Oci;

/// <summary>
/// The platform's built-in OCI runtime, platform-oci: runc's command line for what conmon and the engine use (create,
/// exec, state, kill, pause, resume, delete), `platform-oci [--root DIR] COMMAND [FLAGS] ID`.
///
/// create: a thread of this process unshares the mount, uts, ipc and pid namespaces (and a network one, or joins the
/// sandbox's), then forks itself as the container's init, which is pid 1 in them and born in the container's v2 cgroup
/// on a hybrid host. This process makes the v1 cgroups and lets it go; the init moves itself into them, builds the root
/// filesystem, pivots, takes the user,
/// capabilities, no_new_privs and seccomp the spec gives, reports ready, then waits on exec.fifo until the engine
/// starts it and execs the container's process. Docker's isolation, with no Go runtime started twice per container.
/// </summary>
static class OciRuntime
{
    public static int Run(string[] args)
    {
        Tracing.Mark("main");
        OciOptions options;
        try
        {
            options = OciOptions.Parse(args);
        }
        catch (OciException e)
        {
            Console.Error.WriteLine($"{e.Message}\nusage: platform-oci [--root DIR] create|start|state|kill|pause|resume|delete|exec [FLAGS] ID");
            return 2;
        }
        try
        {
            return options.Command switch
            {
                "create" => Create(options),
                "exec" => Exec(options),
                "exec-init" => ContainerInit.RunExec(options),
                "start" => Start(options),
                "state" => State(options),
                "kill" => Kill(options),
                "pause" => Freeze(options, true),
                "resume" => Freeze(options, false),
                "delete" => Delete(options),
                _ => throw new OciException($"unknown command \"{options.Command}\""),
            };
        }
        catch (Exception e) when (e is OciException or IOException or UnauthorizedAccessException or JsonException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    static int Create(OciOptions options)
    {
        var bundle = Path.GetFullPath(options.Value("bundle") ?? Directory.GetCurrentDirectory());
        var spec = ReadSpec(bundle);
        var rootfs = Path.IsPathRooted(spec.Root.Path) ? spec.Root.Path : Path.Combine(bundle, spec.Root.Path);
        var seccomp = spec.Linux.Seccomp is { } profile ? Seccomp.Compile(profile, options.Root) : null;
        Tracing.Mark("spec read");
        var stateDir = OciState.Dir(options.Root, options.Id);
        Directory.CreateDirectory(options.Root);
        if (Directory.Exists(stateDir)) throw new OciException($"container with id exists: {options.Id}");
        Directory.CreateDirectory(stateDir);
        var fifo = Path.Combine(stateDir, OciState.FifoFile);
        Sys.Check(Sys.mkfifo(fifo, 0x180 /* 0600 */), "mkfifo exec.fifo");
        Sys.Check(Sys.chmod(fifo, 0x192 /* 0622: the container's user opens it to write, whatever the umask */), "chmod exec.fifo");

        var cgroup = spec.Linux.CgroupsPath;
        var made = false;
        var pid = 0;
        try
        {
            // The init sets itself up to the point of joining its cgroups while the v1 ones are made.
            made = true;
            var unified = Cgroup.OpenUnified(cgroup);
            var console = options.Value("console-socket") is { } socketPath ? Sys.ConnectUnix(socketPath) : -1;
            var (mine, theirs) = Sys.SocketPair();
            bool born;
            try
            {
                (pid, born) = ForkInNamespaces(spec.Linux.Namespaces, unified, () =>
                {
                    Sys.close(mine);
                    return ContainerInit.Run(options, spec, rootfs, seccomp, theirs, console);
                });
            }
            finally
            {
                Sys.close(theirs);
                if (console >= 0) Sys.close(console);
                if (unified >= 0) Sys.close(unified);
            }
            Tracing.Mark("spawned");
            Cgroup.Create(cgroup, spec.Linux.Resources);
            if (!born) Cgroup.JoinUnified(cgroup, pid);
            Tracing.Mark("cgroups made");
            var reply = Handshake(mine);
            Tracing.Mark("handshake");
            if (reply is not null) throw new OciException(reply);
            var start = OciState.StartTime(pid) ?? throw new OciException("the container's init exited during create");
            new OciState(options.Id, pid, start, bundle, cgroup, DateTimeOffset.UtcNow).Save(options.Root);
            if (options.Value("pid-file") is { } pidFile) WritePidFile(pidFile, pid);
            Sys.close(mine);
            return 0;
        }
        catch
        {
            if (pid > 0) { Sys.kill(pid, Sys.SIGKILL); ProcessSpawner.Reap(pid); }
            if (made) Cgroup.Remove(cgroup);
            try { Directory.Delete(stateDir, recursive: true); } catch (IOException) { }
            throw;
        }
    }

    /// <summary>Sends "go" and reads the init's answer: null once it is ready (or has exec'd), else its error.</summary>
    static string? Handshake(int fd)
    {
        Sys.WriteAll(fd, "g"u8);
        var buffer = new byte[4096];
        var reply = new MemoryStream();
        while (Sys.Read(fd, buffer) is var n && n > 0) reply.Write(buffer, 0, n);
        var text = reply.ToArray();
        if (text.Length > 0 && text[0] == (byte)'k') return null;
        if (text.Length > 0 && text[0] == (byte)'e') return Encoding.UTF8.GetString(text, 1, text.Length - 1);
        return text.Length == 0 ? null : "the container's init answered garbage";
    }

    /// <summary>
    /// Forks this process from a thread that first moves into new (or given) namespaces: the child is born in them, pid 1
    /// of a new pid namespace, and in the v2 cgroup <paramref name="cgroupFd"/> when there is one and the kernel can
    /// (Born), and runs <paramref name="child"/> to its exit code. The thread does nothing but system calls after
    /// unsharing (a thread in a pid namespace other than its process's cannot start threads) and ends with the fork;
    /// meanwhile this process's other threads are parked (the main one joins it), as a forked child needs them.
    /// </summary>
    static (int Pid, bool Born) ForkInNamespaces(IReadOnlyList<OciNamespace> namespaces, int cgroupFd, Func<int> child)
    {
        var flags = Sys.CLONE_FS;
        var join = new List<(string Path, int Type)>();
        foreach (var ns in namespaces)
        {
            var type = ns.Type switch
            {
                "mount" => Sys.CLONE_NEWNS,
                "uts" => Sys.CLONE_NEWUTS,
                "ipc" => Sys.CLONE_NEWIPC,
                "pid" => Sys.CLONE_NEWPID,
                "network" => Sys.CLONE_NEWNET,
                "cgroup" => 0, // unshared by the init once it is in the container's cgroup
                _ => throw new OciException($"namespace {ns.Type} is not supported"),
            };
            if (string.IsNullOrEmpty(ns.Path)) flags |= type;
            else join.Add((ns.Path, type));
        }
        var born = false;
        var pid = OnNamespacedThread(join, flags, () =>
        {
            var forked = ProcessSpawner.Fork(cgroupFd, out born);
            if (forked != 0) return forked;
            var code = 1;
            try { code = child(); }
            finally { ProcessSpawner.Exit(code); }
            return 0; // not reached: the child ends above
        });
        return (pid, born);
    }

    /// <summary>
    /// This binary with `argv` (an exec's process), from a thread in the given namespaces (<see cref="OnNamespacedThread"/>),
    /// born in the v2 cgroup when given one; Born is false when there is none or the kernel cannot (before 5.7).
    /// </summary>
    static (int Pid, bool Born) SpawnSelf(List<(string Path, int Type)> join, int unshareFlags, string[] argv, List<(int, int)> fds, int cgroupFd)
    {
        var environment = InheritedEnvironment();
        var born = false;
        var pid = OnNamespacedThread(join, unshareFlags, () =>
        {
            (var child, born) = ProcessSpawner.SpawnIntoCgroup(Self, argv, environment, fds, "/", cgroupFd);
            return child;
        });
        return (pid, born);
    }

    static int OnNamespacedThread(List<(string Path, int Type)> join, int unshareFlags, Func<int> spawn)
    {
        var opened = join.Select(j => (Fd: Sys.open(j.Path, Sys.O_RDONLY | Sys.O_CLOEXEC, 0), j.Path, j.Type)).ToList();
        try
        {
            foreach (var o in opened) if (o.Fd < 0) throw new OciException($"open namespace {o.Path}: {Sys.Error(Sys.Errno)}");
            int pid = 0;
            string? error = null;
            var thread = new Thread(() =>
            {
                if (Sys.unshare(Sys.CLONE_FS) != 0) { error = $"unshare: {Sys.Error(Sys.Errno)}"; return; }
                foreach (var o in opened)
                    if (Sys.setns(o.Fd, o.Type) != 0) { error = $"join namespace {o.Path}: {Sys.Error(Sys.Errno)}"; return; }
                if (unshareFlags != Sys.CLONE_FS && Sys.unshare(unshareFlags) != 0) { error = $"unshare namespaces: {Sys.Error(Sys.Errno)}"; return; }
                try { pid = spawn(); }
                catch (Exception e) { error = e.Message; }
            }, 1024 * 1024); // a forked init runs its whole set-up on this thread's stack
            thread.Start();
            thread.Join();
            return error is null ? pid : throw new OciException(error);
        }
        finally
        {
            foreach (var o in opened) if (o.Fd >= 0) Sys.close(o.Fd);
        }
    }

    /// <summary>This program, to run again as the container's init or an exec's process.</summary>
    static string Self => System.Environment.ProcessPath ?? "/proc/self/exe";

    static string[] InheritedEnvironment() =>
        [.. System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Select(k => $"{k}={System.Environment.GetEnvironmentVariable(k)}")];

    /// <summary>
    /// exec: the process joins the container's namespaces (pid, ipc, uts, network, cgroup from this thread; the mount
    /// namespace by itself, as a mount namespace cannot be joined by a thread sharing its filesystem context) and
    /// cgroup, then confines itself as the container's process is confined and execs.
    /// </summary>
    static int Exec(OciOptions options)
    {
        var state = OciState.Load(options.Root, options.Id) ?? throw new OciException($"container does not exist: {options.Id}");
        if (!state.InitAlive()) throw new OciException("cannot exec in a stopped container");
        var processFile = options.Value("process") ?? throw new OciException("exec needs --process");
        var console = options.Value("console-socket") is { } socketPath ? Sys.ConnectUnix(socketPath) : -1;
        var unified = Cgroup.OpenUnified(state.CgroupPath);
        var (mine, theirs) = Sys.SocketPair();
        int pid;
        bool born;
        try
        {
            var join = new List<(string Path, int Type)>();
            foreach (var (name, type) in new[] { ("ipc", Sys.CLONE_NEWIPC), ("uts", Sys.CLONE_NEWUTS), ("net", Sys.CLONE_NEWNET), ("pid", Sys.CLONE_NEWPID), ("cgroup", Sys.CLONE_NEWCGROUP) })
            {
                var theirsNs = $"/proc/{state.InitProcessPid}/ns/{name}";
                if (new FileInfo(theirsNs).LinkTarget != new FileInfo($"/proc/self/ns/{name}").LinkTarget) join.Add((theirsNs, type));
            }
            var fds = new List<(int, int)> { (0, 0), (1, 1), (2, 2), (theirs, 3) };
            if (console >= 0) fds.Add((console, 4));
            string[] args = [Self, "--root", options.Root, "exec-init", "--process", Path.GetFullPath(processFile), options.Id];
            (pid, born) = SpawnSelf(join, Sys.CLONE_FS, args, fds, unified);
        }
        finally
        {
            Sys.close(theirs);
            if (console >= 0) Sys.close(console);
            if (unified >= 0) Sys.close(unified);
        }
        try
        {
            if (!born) Cgroup.JoinUnified(state.CgroupPath, pid);
            if (Handshake(mine) is { } error) throw new OciException(error);
        }
        catch
        {
            Sys.kill(pid, Sys.SIGKILL);
            ProcessSpawner.Reap(pid);
            throw;
        }
        if (options.Value("pid-file") is { } pidFile) WritePidFile(pidFile, pid);
        return 0;
    }

    /// <summary>start: what the engine does in process (read exec.fifo), for completeness of the command line.</summary>
    static int Start(OciOptions options)
    {
        var state = OciState.Load(options.Root, options.Id) ?? throw new OciException($"container does not exist: {options.Id}");
        var fifo = Path.Combine(OciState.Dir(options.Root, options.Id), OciState.FifoFile);
        if (!File.Exists(fifo)) throw new OciException("cannot start a container that has already been started");
        if (!state.InitAlive()) throw new OciException("container process is already dead");
        using (var reader = new FileStream(fifo, FileMode.Open, FileAccess.Read)) reader.ReadByte();
        File.Delete(fifo);
        return 0;
    }

    static int State(OciOptions options)
    {
        var (state, status) = OciContainers.State(options.Root, options.Id);
        using var stdout = Console.OpenStandardOutput();
        OciStateReport.Write(stdout, state, status);
        return 0;
    }

    static int Kill(OciOptions options)
    {
        OciContainers.Kill(options.Root, options.Id, Signals.Parse(options.Positional.ElementAtOrDefault(1) ?? "SIGTERM"));
        return 0;
    }

    static int Freeze(OciOptions options, bool frozen)
    {
        OciContainers.Freeze(options.Root, options.Id, frozen);
        return 0;
    }

    static int Delete(OciOptions options)
    {
        OciContainers.Delete(options.Root, options.Id, options.Flag("force"));
        return 0;
    }

    static void WritePidFile(string path, int pid)
    {
        File.WriteAllText(path + ".tmp", pid.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static OciSpec ReadSpec(string bundle) => SpecReader.Spec(File.ReadAllBytes(Path.Combine(bundle, "config.json")));
}
