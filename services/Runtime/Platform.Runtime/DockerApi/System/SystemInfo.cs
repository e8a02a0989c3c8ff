namespace Platform.Runtime.DockerApi.System;

/// <summary>GET /info. Every numeric and boolean field is a value (clients deserialise into non-nullable types).</summary>
public sealed record SystemInfo
{
    public required string ID { get; init; }
    public int Containers { get; init; }
    public int ContainersRunning { get; init; }
    public int ContainersPaused { get; init; }
    public int ContainersStopped { get; init; }
    public int Images { get; init; }
    public string Driver { get; init; } = "overlay2";
    public IReadOnlyList<IReadOnlyList<string>> DriverStatus { get; init; } = [];
    public required string DockerRootDir { get; init; }
    public InfoPlugins Plugins { get; init; } = new();
    public bool MemoryLimit { get; init; } = true;
    public bool SwapLimit { get; init; }
    public bool KernelMemoryTCP { get; init; }
    public bool CpuCfsPeriod { get; init; } = true;
    public bool CpuCfsQuota { get; init; } = true;
    public bool CPUShares { get; init; } = true;
    public bool CPUSet { get; init; } = true;
    public bool PidsLimit { get; init; } = true;
    public bool OomKillDisable { get; init; }
    public bool IPv4Forwarding { get; init; } = true;
    public bool Debug { get; init; }
    public int NFd { get; init; }
    public int NGoroutines { get; init; }
    public required string SystemTime { get; init; }
    public string LoggingDriver { get; init; } = "json-file";
    public string CgroupDriver { get; init; } = "cgroupfs";
    public required string CgroupVersion { get; init; }
    public int NEventsListener { get; init; }
    public required string KernelVersion { get; init; }
    public required string OperatingSystem { get; init; }
    public required string OSVersion { get; init; }
    public string OSType { get; init; } = "linux";
    public required string Architecture { get; init; }
    public required int NCPU { get; init; }
    public required long MemTotal { get; init; }
    public string IndexServerAddress { get; init; } = "https://index.docker.io/v1/";
    public InfoRegistryConfig RegistryConfig { get; init; } = new();
    public string HttpProxy { get; init; } = "";
    public string HttpsProxy { get; init; } = "";
    public string NoProxy { get; init; } = "";
    public required string Name { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public bool ExperimentalBuild { get; init; }
    public required string ServerVersion { get; init; }
    public IReadOnlyDictionary<string, InfoRuntime> Runtimes { get; init; } = new Dictionary<string, InfoRuntime> { ["runc"] = new("runc") };
    public string DefaultRuntime { get; init; } = "runc";
    public InfoSwarm Swarm { get; init; } = new();
    public bool LiveRestoreEnabled { get; init; } = true;
    public string Isolation { get; init; } = "";
    public string InitBinary { get; init; } = "docker-init";
    public IReadOnlyList<string> SecurityOptions { get; init; } = ["name=seccomp,profile=builtin"];
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

public sealed record InfoPlugins
{
    public IReadOnlyList<string> Volume { get; init; } = ["local"];
    public IReadOnlyList<string> Network { get; init; } = ["bridge", "host", "null"];
    public IReadOnlyList<string> Authorization { get; init; } = [];
    public IReadOnlyList<string> Log { get; init; } = ["json-file"];
}

public sealed record InfoRegistryConfig
{
    public IReadOnlyList<string> InsecureRegistryCIDRs { get; init; } = ["127.0.0.0/8", "::1/128"];
    public IReadOnlyDictionary<string, string> IndexConfigs { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Mirrors { get; init; } = [];
}

public sealed record InfoRuntime(string path);

public sealed record InfoSwarm
{
    public string NodeID { get; init; } = "";
    public string NodeAddr { get; init; } = "";
    public string LocalNodeState { get; init; } = "inactive";
    public bool ControlAvailable { get; init; }
    public string Error { get; init; } = "";
}
