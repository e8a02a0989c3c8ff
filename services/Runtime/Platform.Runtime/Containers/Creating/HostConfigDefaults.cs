using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Creating;

/// <summary>HostConfig as moby stores it after create: defaults filled in, contradictions refused with its messages.</summary>
public static class HostConfigDefaults
{
    public const long DefaultShmSize = 64 * 1024 * 1024;

    public static HostConfig Normalize(HostConfig host)
    {
        if (host.NetworkMode is "" or "default") host.NetworkMode = "bridge";
        if (host.RestartPolicy.Name.Length == 0) host.RestartPolicy.Name = "no";
        switch (host.RestartPolicy.Name)
        {
            case "no" or "always" or "unless-stopped":
                if (host.RestartPolicy.MaximumRetryCount != 0)
                    throw DockerApiException.BadRequest($"invalid restart policy: maximum retry count can only be used with 'on-failure'");
                break;
            case "on-failure":
                if (host.RestartPolicy.MaximumRetryCount < 0)
                    throw DockerApiException.BadRequest("invalid restart policy: maximum retry count cannot be negative");
                break;
            default:
                throw DockerApiException.BadRequest($"invalid restart policy: unknown policy '{host.RestartPolicy.Name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        }
        if (host.AutoRemove && host.RestartPolicy.Name != "no")
            throw DockerApiException.BadRequest("conflicting options: cannot specify both --restart and --rm");
        if (host.Memory is > 0 and < 6 * 1024 * 1024)
            throw DockerApiException.BadRequest("Minimum memory limit allowed is 6MB");
        if (host.MemorySwap > 0 && host.Memory > 0 && host.MemorySwap < host.Memory)
            throw DockerApiException.BadRequest("Minimum memoryswap limit should be larger than memory limit, see usage");
        if (host.NanoCpus > 0 && (host.CpuQuota > 0 || host.CpuPeriod > 0))
            throw DockerApiException.BadRequest("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        if (host.NanoCpus < 0 || host.NanoCpus > (long)Environment.ProcessorCount * 1_000_000_000)
            throw DockerApiException.BadRequest($"range of CPUs is from 0.01 to {Environment.ProcessorCount}.00, as there are only {Environment.ProcessorCount} CPUs available");
        if (host.ShmSize < 0) throw DockerApiException.BadRequest("SHM size can not be less than 0");
        if (host.ShmSize == 0) host.ShmSize = DefaultShmSize;
        if (host.LogConfig.Type.Length == 0) host.LogConfig.Type = "json-file";
        host.LogConfig.Config ??= [];
        if (host.Runtime.Length == 0) host.Runtime = "runc";
        if (host.IpcMode.Length == 0) host.IpcMode = "private";
        if (host.CgroupnsMode.Length == 0) host.CgroupnsMode = "private";
        if (host.ConsoleSize is not { Length: 2 }) host.ConsoleSize = [0, 0];
        foreach (var opt in host.SecurityOpt ?? [])
            if (opt is not ("no-new-privileges" or "no-new-privileges:true" or "no-new-privileges=true" or "no-new-privileges:false" or "no-new-privileges=false")
                && !opt.StartsWith("label", StringComparison.Ordinal) && !opt.StartsWith("seccomp", StringComparison.Ordinal) && !opt.StartsWith("apparmor", StringComparison.Ordinal))
                throw DockerApiException.BadRequest($"invalid --security-opt 2: \"{opt}\"");
        return host;
    }

    public static bool NoNewPrivileges(HostConfig host) =>
        (host.SecurityOpt ?? []).Any(o => o is "no-new-privileges" or "no-new-privileges:true" or "no-new-privileges=true");
}
