using System.Text.Json.Serialization;

namespace Platform.Runtime.Oci.Spec;

/// <summary>The subset of the OCI runtime spec (config.json) the engine writes; property names follow the spec.</summary>
sealed record OciSpec(string OciVersion, OciProcess Process, OciRoot Root, string Hostname, List<OciMount> Mounts, OciLinux Linux);

sealed record OciProcess(bool Terminal, OciBox? ConsoleSize, OciUser User, List<string> Args, List<string> Env, string Cwd,
    OciCapabilities? Capabilities, List<OciRlimit> Rlimits, bool NoNewPrivileges);

sealed record OciBox(int Height, int Width);

sealed record OciUser(uint Uid, uint Gid, List<uint>? AdditionalGids);

sealed record OciCapabilities(List<string> Bounding, List<string> Effective, List<string> Permitted);

sealed record OciRlimit(string Type, ulong Hard, ulong Soft);

sealed record OciRoot(string Path, bool Readonly);

sealed record OciMount(string Destination, string Type, string Source, List<string> Options);

sealed record OciLinux(OciResources Resources, string CgroupsPath, List<OciNamespace> Namespaces,
    List<string>? MaskedPaths, List<string>? ReadonlyPaths, OciSeccomp? Seccomp);

sealed record OciNamespace(string Type, string? Path = null);

sealed record OciResources(List<OciDeviceRule> Devices, OciMemory? Memory, OciCpu? Cpu, OciPids? Pids);

sealed record OciDeviceRule(bool Allow, string Access);

sealed record OciMemory(long? Limit, long? Swap);

sealed record OciCpu(ulong? Shares, long? Quota, ulong? Period);

sealed record OciPids(long Limit);

sealed record OciSeccomp(string DefaultAction, List<string> Architectures, List<OciSyscall> Syscalls);

sealed record OciSyscall(List<string> Names, string Action, uint? ErrnoRet, List<OciSyscallArg>? Args = null);

sealed record OciSyscallArg(uint Index, ulong Value, ulong ValueTwo, string Op);

/// <summary>What `runc state` prints.</summary>
sealed record RuncState(string Id, int Pid, string Status);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OciSpec))]
[JsonSerializable(typeof(OciProcess))]
[JsonSerializable(typeof(RuncState))]
sealed partial class OciJson : JsonSerializerContext;
