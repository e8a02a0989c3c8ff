using System.Text.Json;
using Marten;
using Platform.Events.StateLog.Recording;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.StateLog.Listing;

/// <summary>
/// GET /api/v1/events/stream?type=&amp;action=&amp;host=&amp;after= — the state log as Server-Sent Events: every entry
/// after the cursor (Last-Event-ID when reconnecting, else ?after=, else from now), then each new one as it lands.
/// The SSE id is the global position, so a client that reconnects resumes exactly where it stopped.
/// </summary>
public static class StreamEvents
{
    const int Page = 500;
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapStreamEvents(this RouteGroupBuilder group)
    {
        group.MapGet("/stream", StreamAsync).WithSummary("The state log as Server-Sent Events, resumable with Last-Event-ID");
        return group;
    }

    static async Task StreamAsync(HttpContext context, IDocumentStore store, StateLogSignal signal, TimeProvider time,
        string? type = null, string? action = null, string? host = null, long? after = null)
    {
        var ct = context.RequestAborted;
        long? resume = context.Request.Headers["Last-Event-ID"] is [{ Length: > 0 } id]
            ? long.TryParse(id, out var position) && position >= 0 ? position : throw DockerApiException.BadRequest("Last-Event-ID must be a position")
            : after;
        if (resume < 0) throw DockerApiException.BadRequest("after must be a position (0 or more)");
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(ct);
        await context.Response.Body.FlushAsync(ct);
        await using var session = store.QuerySession();
        var cursor = resume ?? await session.LastPositionAsync(ct);
        var quiet = time.GetUtcNow();
        try
        {
            while (true)
            {
                var next = signal.Next;
                var query = session.Query<LogEntry>().Where(x => x.Position > cursor);
                if (type is not null) query = query.Where(x => x.Type == type);
                if (action is not null) query = query.Where(x => x.Action == action);
                if (host is not null) query = query.Where(x => x.HostId == host);
                var page = await query.OrderBy(x => x.Position).Take(Page).ToListAsync(ct);
                foreach (var entry in page)
                {
                    var data = JsonSerializer.Serialize(EventView.From(entry), JsonSerializerOptions.Web);
                    await context.Response.WriteAsync($"id: {entry.Position}\nevent: {entry.Type}.{entry.Action}\ndata: {data}\n\n", ct);
                    cursor = entry.Position;
                }
                if (page.Count > 0) { await context.Response.Body.FlushAsync(ct); quiet = time.GetUtcNow(); }
                if (page.Count == Page) continue;
                if (time.GetUtcNow() - quiet > Heartbeat) { await context.Response.WriteAsync(": keep-alive\n\n", ct); quiet = time.GetUtcNow(); }
                await StateLogSignal.WaitAsync(next, Poll, time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went away; it resumes with Last-Event-ID
        }
    }
}
