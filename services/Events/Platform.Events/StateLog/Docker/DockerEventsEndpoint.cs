using Platform.Events.StateLog.Recording;
using System.Buffers;
using System.Text.Json;
using Marten;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.StateLog.Docker;

/// <summary>
/// GET /events from the state log: the history between since and until, in log order, then — without until, or
/// until it passes — every new entry as it lands. Without since, only what happens from now on (as docker events).
/// The head goes out at once; each event is one JSON object followed by a newline.
/// </summary>
public static class DockerEventsEndpoint
{
    const int Page = 500;
    /// <summary>The longest a stream waits for a signal before it reads the log again (appends by another instance).</summary>
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static void MapDockerEvents(this IEndpointRouteBuilder app) =>
        app.MapGet("/events", async (HttpContext context, IDocumentStore store, StateLogSignal signal, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            var query = context.Request.Query;
            DateTimeOffset? since = query["since"] is [{ Length: > 0 } s] ? DockerTimestamps.Parse(s, now, "since") : null;
            DateTimeOffset? until = query["until"] is [{ Length: > 0 } u] ? DockerTimestamps.Parse(u, now, "until") : null;
            if (since > until) throw DockerApiException.BadRequest("`since` time must be before `until` time");
            var filter = new DockerEventFilter(DockerFilters.Parse(query["filters"], DockerEventFilter.Keys));
            var ct = context.RequestAborted;

            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(ct);
            await context.Response.Body.FlushAsync(ct);
            await using var session = store.QuerySession();
            var after = since is null ? await session.LastPositionAsync(ct) : 0;
            try
            {
                while (true)
                {
                    var next = signal.Next;
                    var from = since ?? DateTimeOffset.MinValue;
                    var page = await session.Query<LogEntry>().Where(x => x.Position > after && x.HappenedAt >= from)
                        .OrderBy(x => x.Position).Take(Page).ToListAsync(ct);
                    foreach (var entry in page)
                    {
                        after = entry.Position;
                        if (until is { } end && entry.HappenedAt > end) continue;
                        if (filter.Includes(entry)) await WriteAsync(context.Response, entry, ct);
                    }
                    if (page.Count == Page) continue;
                    if (until is { } last && time.GetUtcNow() > last) return;
                    var wait = until is { } end2 && end2 - time.GetUtcNow() < Poll ? end2 - time.GetUtcNow() + TimeSpan.FromMilliseconds(1) : Poll;
                    await StateLogSignal.WaitAsync(next, wait, time, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // the client went away: docker events ends with Ctrl-C
            }
        }).ExcludeFromDescription(); // Docker's API, documented by Docker: the OpenAPI document is the platform's

    static async Task WriteAsync(HttpResponse response, LogEntry entry, CancellationToken ct)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        await using (var json = new Utf8JsonWriter(buffer)) DockerEventMessage.Write(json, entry);
        buffer.Write("\n"u8);
        await response.Body.WriteAsync(buffer.WrittenMemory, ct);
        await response.Body.FlushAsync(ct);
    }
}
