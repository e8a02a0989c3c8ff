using Mediator;
using Microsoft.Extensions.Options;
using Platform.Runtime.Containers;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Hosting;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.DockerApi.System;

public sealed record GetInfo : IQuery<SystemInfo>;

/// <summary>
/// What this host has: its containers by state (paused, running, every other state counted as stopped, as moby
/// does) and its images as the images service counts them (0 while it does not answer).
/// </summary>
public sealed class GetInfoHandler(HostFacts host, IOptions<PlatformHostOptions> options, ContainerStore containers, HostImages images,
    TimeProvider time) : IQueryHandler<GetInfo, SystemInfo>
{
    public async ValueTask<SystemInfo> Handle(GetInfo query, CancellationToken ct)
    {
        var all = containers.All;
        var running = all.Count(c => c.Status == ContainerStatus.Running);
        var paused = all.Count(c => c.Status == ContainerStatus.Paused);
        return Describe(all.Count, running, paused, (await images.ListAsync(ct))?.Count ?? 0);
    }

    SystemInfo Describe(int total, int running, int paused, int imageCount) => new()
    {
        ID = options.Value.HostId,
        Containers = total,
        ContainersRunning = running,
        ContainersPaused = paused,
        ContainersStopped = total - running - paused,
        Images = imageCount,
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
    };

    static int OpenFileDescriptors() =>
        Directory.Exists("/proc/self/fd") ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : 0;
}

public static class InfoEndpoint
{
    public static void MapInfo(this WebApplication app) =>
        app.MapGet("/info", async (Mediator.IMediator mediator, CancellationToken ct) =>
            DockerJsonResults.Json(await mediator.Send(new GetInfo(), ct), DockerJson.Default.SystemInfo));
}
