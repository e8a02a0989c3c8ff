using Marten;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.StateLog.Listing;

/// <summary>GET /api/v1/events?type=&amp;action=&amp;host=&amp;after=&amp;limit= — the state log in global position order.</summary>
public static class ListEvents
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapListEvents(this RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithSummary("The state log in global position order (?type=&action=&host=&after=&limit=)");
        return group;
    }

    static async Task<IResult> ListAsync(IQuerySession session, CancellationToken cancellationToken,
        string? type = null, string? action = null, string? host = null, long after = 0, int limit = DefaultLimit)
    {
        if (limit is < 1 or > MaxLimit) return DockerErrors.BadRequest($"limit must be between 1 and {MaxLimit}");
        if (after < 0) return DockerErrors.BadRequest("after must be a position (0 or more)");

        var query = session.Query<LogEntry>().Where(x => x.Position > after);
        if (type is not null) query = query.Where(x => x.Type == type);
        if (action is not null) query = query.Where(x => x.Action == action);
        if (host is not null) query = query.Where(x => x.HostId == host);
        var page = await query.OrderBy(x => x.Position).Take(limit + 1).ToListAsync(cancellationToken);

        var events = page.Take(limit).Select(EventView.From).ToList();
        long? next = page.Count > limit ? events[^1].Position : null;
        return TypedResults.Ok(new EventsPage(events, next));
    }
}
