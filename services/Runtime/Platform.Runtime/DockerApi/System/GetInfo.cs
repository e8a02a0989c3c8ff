using Mediator;
using Microsoft.Extensions.Options;
using Platform.Runtime.Hosting;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.DockerApi.System;

public sealed record GetInfo : IQuery<SystemInfo>;

/// <summary>What this host has. Container and image counts join as the runtime and image store grow.</summary>
public sealed class GetInfoHandler(HostFacts host, IOptions<PlatformHostOptions> options, TimeProvider time)
    : IQueryHandler<GetInfo, SystemInfo>
{
    public ValueTask<SystemInfo> Handle(GetInfo query, CancellationToken ct) => ValueTask.FromResult(new SystemInfo
    {
        ID = options.Value.HostId,
        Name = host.Hostname,
        DockerRootDir = options.Value.Root,
        SystemTime = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", global::System.Globalization.CultureInfo.InvariantCulture),
        CgroupVersion = host.CgroupVersion,
        KernelVersion = host.KernelVersion,
        OperatingSystem = host.OperatingSystem,
        OSVersion = host.OsVersion,
        Architecture = global::System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == global::System.Runtime.InteropServices.Architecture.X64 ? "x86_64" : "aarch64",
        NCPU = host.Cpus,
        MemTotal = host.MemoryBytes,
        NFd = OpenFileDescriptors(),
        NGoroutines = global::System.Threading.ThreadPool.ThreadCount,
        ServerVersion = DockerApiVersion.EngineVersion,
    });

    static int OpenFileDescriptors() =>
        Directory.Exists("/proc/self/fd") ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : 0;
}

public static class InfoEndpoint
{
    public static void MapInfo(this WebApplication app) =>
        app.MapGet("/info", async (Mediator.IMediator mediator, CancellationToken ct) =>
            DockerJsonResults.Json(await mediator.Send(new GetInfo(), ct), DockerJson.Default.SystemInfo));
}
