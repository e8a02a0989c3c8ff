using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Exec;

public sealed record ExecInspect(
    string ID, bool Running, int? ExitCode, ExecProcessConfig ProcessConfig, bool OpenStdin, bool OpenStderr, bool OpenStdout,
    bool CanRemove, string ContainerID, string DetachKeys, int Pid);

public sealed record ExecProcessConfig(bool tty, string entrypoint, List<string> arguments, bool privileged, string user);

/// <summary>GET /exec/{id}/json and POST /exec/{id}/resize.</summary>
public static class InspectExecEndpoint
{
    public static void MapInspectExec(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exec/{id}/json", (string id, ExecStore execs) =>
        {
            var e = execs.Get(id);
            var cmd = e.Config.Cmd ?? [];
            var inspect = new ExecInspect(e.Id, e.Running, e.Running || !e.Started ? null : e.ExitCode,
                new ExecProcessConfig(e.Config.Tty, cmd.FirstOrDefault() ?? "", [.. cmd.Skip(1)], e.Config.Privileged, e.Config.User),
                e.Config.AttachStdin, e.Config.AttachStderr, e.Config.AttachStdout, false, e.ContainerId, e.Config.DetachKeys, e.Pid);
            return DockerJsonResults.Json(inspect, ContainersJson.Default.ExecInspect);
        });
        app.MapPost("/exec/{id}/resize", async (string id, HttpRequest request, ExecStore execs) =>
        {
            var e = execs.Get(id);
            if (e.Session is { } session && e.Running) await session.ResizeAsync(request.Int("h", 0), request.Int("w", 0));
            return Results.Ok();
        });
    }
}
