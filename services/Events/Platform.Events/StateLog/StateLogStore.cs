using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace Platform.Events.StateLog;

public static class StateLogStore
{
    /// <summary>One stream per resource, keyed "type:id"; LogEntry rows indexed for the filters GET /api/v1/events offers.</summary>
    public static StoreOptions AddStateLog(this StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Rich: the position (event sequence) is drawn before inline projections run, so LogEntry can carry it.
        options.Events.AppendMode = EventAppendMode.Rich;
        options.Events.AddEventType<LogEntryRecorded>();
        options.Projections.Add<LogEntryProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<LogEntry>()
            .Duplicate(x => x.Position, configure: index => index.IsUnique = true)
            .Duplicate(x => x.Type)
            .Duplicate(x => x.Action)
            .Duplicate(x => x.HostId);
        return options;
    }
}
