using Platform.Runtime.Oci.Spec;

namespace Platform.Runtime.Engine.Spec;

/// <summary>Docker's capability rules: a default set, CapAdd/CapDrop with or without CAP_, "ALL" in either list.</summary>
static class Capabilities
{
    public static readonly IReadOnlyList<string> DockerDefaults =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    public static IReadOnlyList<string> All => CapabilityNames.All;

    public static IReadOnlyList<string> Resolve(bool privileged, IReadOnlyList<string> add, IReadOnlyList<string> drop)
    {
        if (privileged) return All;
        var adds = add.Select(c => Normalize(c, "CapAdd")).ToList();
        var drops = drop.Select(c => Normalize(c, "CapDrop")).ToList();
        var result = adds.Contains("ALL") ? All.ToList() : drops.Contains("ALL") ? [] : DockerDefaults.ToList();
        if (!drops.Contains("ALL")) result.RemoveAll(drops.Contains);
        foreach (var cap in adds.Where(c => c != "ALL" && !result.Contains(c))) result.Add(cap);
        return result;
    }

    static string Normalize(string name, string list)
    {
        var upper = name.Trim().ToUpperInvariant();
        if (upper == "ALL") return upper;
        var cap = upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : "CAP_" + upper;
        return CapabilityNames.Known.Contains(cap) ? cap : throw new EngineException($"invalid {list}: unknown capability: \"{cap}\"", 400);
    }
}
