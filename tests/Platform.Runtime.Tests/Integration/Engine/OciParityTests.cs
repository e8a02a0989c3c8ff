using Platform.Runtime.Engine;

namespace Platform.Runtime.Tests.Integration.Engine;

/// <summary>
/// The built-in OCI runtime against runc, the same launch on both: what the container's process can see and do —
/// credentials, capability sets, no_new_privs, seccomp, rlimits, the mount table with its flags, /dev, cgroups,
/// masked and read-only paths, refused privileged operations — is the same, line for line.
/// </summary>
public sealed class OciParityTests(EngineFixture builtin, RuncEngineFixture runc) : IClassFixture<EngineFixture>, IClassFixture<RuncEngineFixture>
{
    const string Probe = """
        exec 2>&1
        hostname; id; ulimit -n
        grep -E '^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs|Seccomp):' /proc/self/status
        ls -l /dev /dev/pts | awk 'NF > 2 {print $1, $NF}'
        awk '{ for (i = 7; i <= NF; i++) if ($i == "-") s = i; print $5, $6, $(s + 1), $(s + 3) }' /proc/self/mountinfo | sort
        cat /proc/self/cgroup; ls /sys/fs/cgroup
        echo 1 > /proc/sys/kernel/domainname 2>&1 || echo refused-sysctl
        for f in /proc/keys /proc/timer_list /proc/sched_debug; do echo "$f $(head -c 1 $f 2>&1 | wc -c)"; done
        mount -t tmpfs none /mnt 2>&1 || echo refused-mount
        echo x > /sys/kernel/x 2>&1 || echo refused-sysfs
        mknod /tmp/sda b 8 0 && (head -c1 /tmp/sda > /dev/null 2>&1 || echo refused-device)
        ls /proc/1/root/ > /dev/null && echo sees-own-root
        cat /proc/1/cmdline | tr '\0' ' '; echo
        """;

    static ContainerLaunch Launch(EngineFixture engine, ContainerLaunch? shape = null) =>
        (shape ?? EngineFixture.Launch("x", "sh")) with { Id = engine.NewId(), Args = ["sh", "-c", Probe], Hostname = "probe" };

    async Task AssertSameAsync(ContainerLaunch shape, RootfsPlan? plan = null)
    {
        var (expectedExit, expected) = await runc.RunAsync(Launch(runc, shape), plan);
        var (actualExit, actual) = await builtin.RunAsync(Launch(builtin, shape), plan);
        Assert.Equal(Normalise(expected), Normalise(actual));
        Assert.Equal(expectedExit.ExitCode, actualExit.ExitCode);
    }

    /// <summary>Container ids and the engines' directories differ between the two runs; everything else must not.</summary>
    static string Normalise(string log) =>
        System.Text.RegularExpressions.Regex.Replace(log, "t[0-9a-f]{32}|engine-[0-9a-f]{8}", "ID");

    [Fact]
    public Task Dockers_defaults_are_the_same() => AssertSameAsync(EngineFixture.Launch("x", "sh"));

    [Fact]
    public Task A_non_root_user_with_no_new_privileges_read_only_root_and_limits_is_the_same() => AssertSameAsync(
        EngineFixture.Launch("x", "sh") with
        {
            User = "1000:1000",
            NoNewPrivileges = true,
            ReadonlyRootfs = true,
            CapDrop = ["NET_RAW", "chown"],
            CapAdd = ["SYS_PTRACE"],
            Resources = ResourceLimits.None with { Memory = 64 * 1024 * 1024, PidsLimit = 50 },
            Mounts = [new MountSpec("", "/scratch", "tmpfs", false, ["size=1m"])],
        }, EngineFixture.Overlay);

    [Fact]
    public async Task An_exec_as_root_and_as_another_user_is_the_same()
    {
        foreach (var user in new[] { "", "1000:1000" })
        {
            var expected = await ExecProbeAsync(runc, user);
            var actual = await ExecProbeAsync(builtin, user);
            Assert.Equal(Normalise(expected), Normalise(actual));
        }
    }

    /// <summary>The probe run by exec in a running container; the probe's own pid is the one line that may differ.</summary>
    static async Task<string> ExecProbeAsync(EngineFixture engine, string user)
    {
        var id = engine.NewId();
        await engine.CreateAsync(EngineFixture.Launch(id, "sleep", "1000") with { Hostname = "probe" });
        await engine.Engine.StartAsync(id, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var exec = await engine.Engine.ExecAsync(id, new ExecLaunch(["sh", "-c", Probe], [], "/", user, false, false, false, 0, 0), timeout.Token);
        var output = await EngineFixture.ReadAllAsync(exec.ReadAsync, timeout.Token);
        Assert.Equal(0, await exec.ExitCode.WaitAsync(timeout.Token));
        await engine.RemoveAsync(id);
        return output[AttachStream.Stdout];
    }

    [Fact]
    public Task A_privileged_container_is_the_same() =>
        AssertSameAsync(EngineFixture.Launch("x", "sh") with { Privileged = true });
}
