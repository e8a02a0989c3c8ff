using Platform.Runtime.Oci.Spec;
using Platform.Runtime.Engine;
using Platform.Runtime.Engine.Spec;

namespace Platform.Runtime.Tests.Unit.Engine;

/// <summary>Docker's defaults as the engine writes them into config.json.</summary>
public sealed class OciSpecDefaultsTests
{
    [Fact]
    public void Capabilities_follow_dockers_add_and_drop_rules()
    {
        Assert.Equal(Capabilities.DockerDefaults, Capabilities.Resolve(false, [], []));
        var adjusted = Capabilities.Resolve(false, ["net_admin", "CAP_SYS_PTRACE"], ["chown", "CAP_KILL"]);
        Assert.Contains("CAP_NET_ADMIN", adjusted);
        Assert.Contains("CAP_SYS_PTRACE", adjusted);
        Assert.DoesNotContain("CAP_CHOWN", adjusted);
        Assert.DoesNotContain("CAP_KILL", adjusted);
        Assert.Equal(["CAP_NET_BIND_SERVICE"], Capabilities.Resolve(false, ["NET_BIND_SERVICE"], ["ALL"]));
        Assert.Equal(Capabilities.All, Capabilities.Resolve(false, ["ALL"], []));
        Assert.Equal(Capabilities.All, Capabilities.Resolve(true, [], ["ALL"]));
        var error = Assert.Throws<EngineException>(() => Capabilities.Resolve(false, ["FLY"], []));
        Assert.Equal("invalid CapAdd: unknown capability: \"CAP_FLY\"", error.Message);
    }

    [Fact]
    public void Resolv_conf_keeps_search_and_options_and_drops_loopback_nameservers()
    {
        Assert.Equal("search corp.example\noptions ndots:2\nnameserver 10.0.0.2\n",
            EtcFiles.ResolvConf("nameserver 127.0.0.53\nsearch corp.example\nnameserver 10.0.0.2\noptions ndots:2\nnameserver ::1\n"));
        Assert.Equal("", EtcFiles.ResolvConf("nameserver 127.0.0.53\nsearch corp.example\n"));
    }

    [Fact]
    public void Swap_defaults_to_twice_the_memory_and_nano_cpus_become_a_quota()
    {
        var resources = SpecResources.For(ResourceLimits.None with { Memory = 50 << 20, NanoCpus = 500_000_000, CpuShares = 512 }, false);
        Assert.Equal(50L << 20, resources.Memory!.Limit);
        Assert.Equal(100L << 20, resources.Memory.Swap);
        Assert.Equal(new OciCpu(512, 50_000, 100_000), resources.Cpu);
        Assert.Null(SpecResources.For(ResourceLimits.None, false).Memory);
        Assert.Throws<EngineException>(() => SpecResources.For(ResourceLimits.None with { NanoCpus = 1, CpuQuota = 1 }, false));
    }

    [Fact]
    public void Seccomp_refuses_namespace_syscalls_unless_the_container_holds_sys_admin()
    {
        static bool Refuses(OciSeccomp profile, string syscall) => profile.Syscalls.Any(s => s.Names.Contains(syscall));
        var unprivileged = SeccompProfile.For(Capabilities.DockerDefaults);
        Assert.Equal("SCMP_ACT_ALLOW", unprivileged.DefaultAction);
        Assert.True(Refuses(unprivileged, "mount"));
        Assert.True(Refuses(unprivileged, "unshare"));
        Assert.True(Refuses(unprivileged, "keyctl"));
        Assert.True(Refuses(unprivileged, "clone"));
        var admin = SeccompProfile.For([.. Capabilities.DockerDefaults, "CAP_SYS_ADMIN"]);
        Assert.False(Refuses(admin, "mount"));
        Assert.False(Refuses(admin, "clone"));
        Assert.True(Refuses(admin, "keyctl"));
    }
}
