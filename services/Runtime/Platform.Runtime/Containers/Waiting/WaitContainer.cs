using System.Text;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Waiting;

/// <summary>
/// POST /containers/{id}/wait?condition=not-running|next-exit|removed (docker-api.md §4.19): the 200 head is flushed
/// before waiting (docker run calls wait before start), the body {"StatusCode":N} once the condition holds.
/// </summary>
public static class WaitContainerEndpoint
{
    public static void MapWaitContainer(this IEndpointRouteBuilder app) =>
        app.MapPost("/containers/{id}/wait", async (string id, HttpContext context, ContainerStore store) =>
        {
            var condition = context.Request.Value("condition");
            if (condition is not ("" or "not-running" or "next-exit" or "removed"))
                throw DockerApiException.BadRequest($"invalid condition: \"{condition}\"");
            var c = store.Get(id);
            context.Response.ContentType = DockerErrors.JsonContentType;
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted); // the head now: clients block on it
            var code = await WaitAsync(store, c, condition, context.RequestAborted);
            await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes($"{{\"StatusCode\":{code}}}\n"), context.RequestAborted);
        });

    static async Task<int> WaitAsync(ContainerStore store, Container initial, string condition, CancellationToken ct)
    {
        var exits = initial.ExitCount;
        var last = initial;
        while (true)
        {
            var changed = store.Changed;
            var current = store.Current(initial.Id);
            if ((current ?? store.Departed(initial.Id)) is { } seen) last = seen;
            var done = condition switch
            {
                "removed" => current is null,
                "next-exit" => current is null || current.ExitCount > exits,
                _ => current is null || !current.IsRunning,
            };
            if (done) return last.ExitCode;
            await changed.WaitAsync(ct);
        }
    }
}
