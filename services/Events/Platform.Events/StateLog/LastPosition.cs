using Marten;

namespace Platform.Events.StateLog;

public static class LastPosition
{
    /// <summary>The global position of the newest log entry (0 for an empty log): where "from now on" streams start.</summary>
    public static async Task<long> LastPositionAsync(this IQuerySession session, CancellationToken ct) =>
        await session.Query<LogEntry>().OrderByDescending(x => x.Position).Select(x => x.Position).FirstOrDefaultAsync(ct);
}
