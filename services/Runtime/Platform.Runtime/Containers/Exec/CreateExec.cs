using System.Text.Json;
using Platform.Runtime.Containers.Creating;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Exec;

/// <summary>POST /containers/{id}/exec → 201 {"Id"}; the container must be running; Cmd is required.</summary>
public static class CreateExecEndpoint
{
    public static void MapCreateExec(this IEndpointRouteBuilder app) =>
        app.MapPost("/containers/{id}/exec", async (string id, HttpRequest request, ContainerStore store, ExecStore execs, ExecJournal journal, TimeProvider time, CancellationToken ct) =>
        {
            var body = await ContainerBodies.ReadAsync(request, 1024 * 1024, ct);
            ExecConfig config;
            try
            {
                config = JsonSerializer.Deserialize(body, ContainersJson.Default.ExecConfig) ?? throw DockerApiException.BadRequest("exec config is required");
            }
            catch (JsonException error)
            {
                throw DockerApiException.BadRequest($"invalid JSON: {error.Message}");
            }
            var c = store.Get(id);
            if (config.Cmd is not { Count: > 0 }) throw DockerApiException.BadRequest("No exec command specified");
            if (!c.IsRunning) throw DockerApiException.Conflict($"container {c.Id} is not running");
            if (c.Status == Model.ContainerStatus.Paused) throw DockerApiException.Conflict($"Container {c.Id} is paused, unpause the container before exec");
            var exec = new ExecInstance(ContainerNames.NewId(), c.Id, config) { CreatedAt = time.GetUtcNow() };
            execs.Add(exec);
            await journal.CreatedAsync(exec);
            return DockerJsonResults.Json(new CreatedExec(exec.Id), ContainersJson.Default.CreatedExec, StatusCodes.Status201Created);
        });
}

public sealed record CreatedExec(string Id);
