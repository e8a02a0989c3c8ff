using System.Runtime.InteropServices;
using Mediator;
using Platform.Runtime.Hosting;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.DockerApi.System;

public sealed record GetVersion : IQuery<SystemVersion>;

public sealed class GetVersionHandler(HostFacts host) : IQueryHandler<GetVersion, SystemVersion>
{
    public ValueTask<SystemVersion> Handle(GetVersion query, CancellationToken ct)
    {
        var engine = DockerApiVersion.EngineVersion;
        var details = new Dictionary<string, string>
        {
            ["ApiVersion"] = DockerApiVersion.MaxText,
            ["MinAPIVersion"] = DockerApiVersion.MinText,
            ["Os"] = "linux",
            ["Arch"] = Arch,
            ["KernelVersion"] = host.KernelVersion,
            ["GitCommit"] = ThisAssembly.Commit,
            ["GoVersion"] = RuntimeInformation.FrameworkDescription,
            ["BuildTime"] = ThisAssembly.BuildTime,
            ["Experimental"] = "false",
        };
        return ValueTask.FromResult(new SystemVersion(
            new VersionPlatform("Platform Engine"), [new VersionComponent("Engine", engine, details)],
            engine, DockerApiVersion.MaxText, DockerApiVersion.MinText, ThisAssembly.Commit,
            RuntimeInformation.FrameworkDescription, "linux", Arch, host.KernelVersion, false, ThisAssembly.BuildTime));
    }

    public static string Arch => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}

public static class VersionEndpoint
{
    public static void MapVersion(this WebApplication app) =>
        app.MapGet("/version", async (Mediator.IMediator mediator, CancellationToken ct) =>
            DockerJsonResults.Json(await mediator.Send(new GetVersion(), ct), DockerJson.Default.SystemVersion));
}
