using Marten;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Listing;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.Fleet.Activity;

/// <summary>
/// GET /api/v1/fleet/activity?limit=&amp;host= — recent activity is the state log itself, newest first (by global
/// position, the order things were recorded in), 50 entries unless limit says otherwise (1–500).
/// </summary>
public static class ListActivity
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapListActivity(this RouteGroupBuilder group)
    {
        group.MapGet("/activity", ListAsync);
        return group;
    }

    static async Task<IResult> ListAsync(HttpRequest request, IQuerySession session, CancellationToken ct, string? host = null)
    {
        var limit = request.Int("limit", DefaultLimit);
        if (limit is < 1 or > MaxLimit) return DockerErrors.BadRequest($"limit must be between 1 and {MaxLimit}");

        var query = session.Query<LogEntry>().AsQueryable();
        if (host is not null) query = query.Where(x => x.HostId == host);
        var entries = await query.OrderByDescending(x => x.Position).Take(limit).ToListAsync(ct);
        return TypedResults.Ok(new ActivityList(entries.Select(EventView.From).ToList()));
    }
}

/// <summary>The newest log entries, newest first, in the shape GET /api/v1/events uses.</summary>
public sealed record ActivityList(IReadOnlyList<EventView> Events);
