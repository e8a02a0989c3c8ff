namespace Platform.Events.StateLog;

/// <summary>The kinds of resource the state log records (Docker's event types, plus the fleet's hosts).</summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<string> Known = ["container", "image", "network", "volume", "host"];
}
