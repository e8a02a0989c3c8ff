using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Engine.Spec;

/// <summary>cgroup limits as Docker sets them: swap = 2×memory when only memory is given, NanoCpus as a quota over 100ms.</summary>
static class SpecResources
{
    const ulong CfsPeriod = 100_000;

    public static OciResources For(ResourceLimits limits, bool privileged)
    {
        List<OciDeviceRule> devices = [new(privileged, "rwm")]; // runc appends its default allowed devices
        return new OciResources(devices, Memory(limits), Cpu(limits), limits.PidsLimit > 0 ? new OciPids(limits.PidsLimit) : null);
    }

    static OciMemory? Memory(ResourceLimits limits)
    {
        if (limits.Memory <= 0) return null;
        long? swap = limits.MemorySwap switch
        {
            0 => limits.Memory * 2,
            -1 => -1,
            var s => s,
        };
        if (!SwapAccounting) swap = null;
        if (swap > 0 && swap < limits.Memory)
            throw new EngineException("Minimum memoryswap limit should be larger than memory limit, see usage", 400);
        return new OciMemory(limits.Memory, swap);
    }

    static OciCpu? Cpu(ResourceLimits limits)
    {
        if (limits.NanoCpus > 0 && (limits.CpuQuota > 0 || limits.CpuPeriod > 0))
            throw new EngineException("Conflicting options: Nano CPUs and CPU Period cannot both be set", 400);
        ulong? shares = limits.CpuShares > 0 ? (ulong)limits.CpuShares : null;
        if (limits.NanoCpus > 0)
            return new OciCpu(shares, (long)((ulong)limits.NanoCpus * CfsPeriod / 1_000_000_000), CfsPeriod);
        if (shares is null && limits.CpuQuota <= 0 && limits.CpuPeriod <= 0) return null;
        return new OciCpu(shares, limits.CpuQuota > 0 ? limits.CpuQuota : null, limits.CpuPeriod > 0 ? (ulong)limits.CpuPeriod : null);
    }

    static bool SwapAccounting => File.Exists("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes");
}
