using Platform.Runtime.Containers.Lifecycle;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Operating;

/// <summary>The one-line lifecycle routes: start, stop, kill, restart, pause, unpause, rename, rm, resize.</summary>
public static class ContainerOperations
{
    public static void MapContainerOperations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/containers/{id}/start", async (string id, ContainerLifecycle lifecycle, CancellationToken ct) =>
        {
            await lifecycle.StartAsync(id, ct);
            return Results.NoContent();
        });
        app.MapPost("/containers/{id}/stop", async (string id, HttpRequest request, ContainerLifecycle lifecycle) =>
        {
            await lifecycle.StopAsync(id, Timeout(request), Signal(request), CancellationToken.None);
            return Results.NoContent();
        });
        app.MapPost("/containers/{id}/restart", async (string id, HttpRequest request, ContainerLifecycle lifecycle) =>
        {
            await lifecycle.RestartAsync(id, Timeout(request), Signal(request), CancellationToken.None);
            return Results.NoContent();
        });
        app.MapPost("/containers/{id}/kill", async (string id, HttpRequest request, ContainerLifecycle lifecycle, CancellationToken ct) =>
        {
            await lifecycle.KillAsync(id, Signals.Parse(request.Value("signal"), Signals.Kill), ct);
            return Results.NoContent();
        });
        app.MapPost("/containers/{id}/pause", async (string id, ContainerLifecycle lifecycle, CancellationToken ct) =>
        {
            await lifecycle.PauseAsync(id, ct);
            return Results.NoContent();
        });
        app.MapPost("/containers/{id}/unpause", async (string id, ContainerLifecycle lifecycle, CancellationToken ct) =>
        {
            await lifecycle.UnpauseAsync(id, ct);
            return Results.NoContent();
        });
        app.MapPost("/containers/{id}/rename", async (string id, HttpRequest request, ContainerLifecycle lifecycle, CancellationToken ct) =>
        {
            await lifecycle.RenameAsync(id, request.Value("name"), ct);
            return Results.NoContent();
        });
        app.MapDelete("/containers/{id}", async (string id, HttpRequest request, ContainerLifecycle lifecycle) =>
        {
            if (request.Flag("link")) throw DockerApiException.BadRequest("links are not supported on this platform");
            await lifecycle.RemoveAsync(id, request.Flag("force"), request.Flag("v"), CancellationToken.None);
            return Results.NoContent();
        });
        app.MapPost("/containers/{id}/resize", async (string id, HttpRequest request, ContainerStore store, Engine.ContainerEngine engine) =>
        {
            var c = store.Get(id);
            var (h, w) = (request.Int("h", 0), request.Int("w", 0));
            if (!c.IsRunning) throw DockerApiException.Conflict($"Container {c.Id} is not running");
            if (c.Config.Tty) await engine.ResizeAsync(c.Id, h, w);
            return Results.Ok();
        });
    }

    static int? Timeout(HttpRequest request) => request.Value("t") is { Length: > 0 } ? request.Int("t", 10) : null;

    static int? Signal(HttpRequest request) =>
        request.Value("signal") is { Length: > 0 } text ? Signals.Parse(text, Signals.Term) : null;
}
