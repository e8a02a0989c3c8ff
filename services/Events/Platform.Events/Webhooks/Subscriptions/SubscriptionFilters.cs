using Platform.Events.StateLog;

namespace Platform.Events.Webhooks.Subscriptions;

/// <summary>
/// Which state log entries a subscription wants. Each list is "any of" and an empty one matches everything; every
/// label must match (an empty value asks only that the label is there). An action filter "exec_start" also matches
/// Docker's "exec_start: sh -c …", as <c>docker events --filter event=exec_start</c> does.
/// </summary>
public sealed record SubscriptionFilters(
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Hosts,
    IReadOnlyDictionary<string, string> Labels)
{
    public static SubscriptionFilters All { get; } = new([], [], [], new Dictionary<string, string>());

    public bool Matches(LogEntry e) =>
        (Types.Count == 0 || Types.Contains(e.Type, StringComparer.Ordinal))
        && (Actions.Count == 0 || Actions.Any(a => ActionMatches(a, e.Action)))
        && (Hosts.Count == 0 || Hosts.Contains(e.HostId, StringComparer.Ordinal))
        && Labels.All(l => e.Attributes.TryGetValue(l.Key, out var value) && (l.Value.Length == 0 || value == l.Value));

    static bool ActionMatches(string filter, string action) =>
        action == filter || (action.StartsWith(filter, StringComparison.Ordinal) && action.Length > filter.Length && action[filter.Length] == ':');
}
