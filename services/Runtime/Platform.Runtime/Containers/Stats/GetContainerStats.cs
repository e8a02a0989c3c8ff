using System.Text.Json;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Stats;

/// <summary>
/// GET /containers/{id}/stats (docker-api.md §4.20, §6.7): stream=1 (default) writes one object a second, flushed,
/// until the container stops or the client goes; stream=0 answers once after a second sample (so precpu_stats is
/// real), or at once with one-shot=1. A container that is not running gets one zeroed object.
/// </summary>
public static class GetContainerStatsEndpoint
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static void MapContainerStats(this IEndpointRouteBuilder app) =>
        app.MapGet("/containers/{id}/stats", async (string id, HttpContext context, ContainerStore store, StatsSampler sampler, TimeProvider time) =>
        {
            var request = context.Request;
            var stream = request.Flag("stream", absent: true);
            var oneShot = request.Flag("one-shot");
            if (stream && oneShot) throw DockerApiException.BadRequest("cannot have stream=true and one-shot=true");
            var c = store.Get(id);
            var ct = context.RequestAborted;
            context.Response.ContentType = DockerErrors.JsonContentType;
            try
            {
                if (!c.IsRunning)
                {
                    await WriteAsync(context, StatsDocument.Zero(c), ct);
                    return;
                }
                var previous = (StatsReading?)null;
                var current = sampler.Read(c.Id);
                if (!stream && !oneShot)
                {
                    await Task.Delay(Interval, time, ct);
                    (previous, current) = (current, sampler.Read(c.Id));
                }
                while (true)
                {
                    await WriteAsync(context, StatsDocument.From(c, current, previous), ct);
                    if (!stream) return;
                    await Task.Delay(Interval, time, ct);
                    if (store.Current(c.Id) is not { IsRunning: true }) return;
                    (previous, current) = (current, sampler.Read(c.Id));
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
        });

    static async Task WriteAsync(HttpContext context, ContainerStats stats, CancellationToken ct)
    {
        var body = context.Response.Body;
        await body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(stats, StatsJson.Default.ContainerStats), ct);
        await body.WriteAsync("\n"u8.ToArray(), ct);
        await body.FlushAsync(ct);
    }
}
