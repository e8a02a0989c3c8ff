using Platform.Events.StateLog;
using Platform.Events.Webhooks.Subscriptions;
using Xunit;

namespace Platform.Events.Tests.Unit.Webhooks;

public sealed class SubscriptionFiltersTests
{
    static LogEntry Entry(string type, string action, string host = "h1", params (string, string)[] attributes) =>
        new(Guid.NewGuid(), 1, $"{type}:x", type, action, host, "runtime", "x", attributes.ToDictionary(a => a.Item1, a => a.Item2), DateTimeOffset.UnixEpoch);

    static SubscriptionFilters Filters(string[]? types = null, string[]? actions = null, string[]? hosts = null, Dictionary<string, string>? labels = null) =>
        new(types ?? [], actions ?? [], hosts ?? [], labels ?? []);

    [Fact]
    public void No_filters_match_everything() => Assert.True(SubscriptionFilters.All.Matches(Entry("volume", "create")));

    [Fact]
    public void Each_list_is_any_of_and_all_lists_must_hold()
    {
        var filters = Filters(types: ["container", "image"], actions: ["start", "pull"], hosts: ["h1"]);

        Assert.True(filters.Matches(Entry("container", "start")));
        Assert.True(filters.Matches(Entry("image", "pull")));
        Assert.False(filters.Matches(Entry("network", "start")));
        Assert.False(filters.Matches(Entry("container", "die")));
        Assert.False(filters.Matches(Entry("container", "start", host: "h2")));
    }

    [Fact]
    public void An_action_matches_dockers_exec_actions_by_their_verb_only()
    {
        var filters = Filters(actions: ["exec_start"]);

        Assert.True(filters.Matches(Entry("container", "exec_start: sh -c true")));
        Assert.False(filters.Matches(Entry("container", "exec_started")));
        Assert.False(Filters(actions: ["exec"]).Matches(Entry("container", "exec_start: sh")));
    }

    [Fact]
    public void Labels_match_by_value_or_by_presence_when_the_value_is_empty()
    {
        var entry = Entry("container", "start", attributes: [("app", "shop"), ("tier", "web")]);

        Assert.True(Filters(labels: new() { ["app"] = "shop" }).Matches(entry));
        Assert.True(Filters(labels: new() { ["app"] = "", ["tier"] = "web" }).Matches(entry));
        Assert.False(Filters(labels: new() { ["app"] = "blog" }).Matches(entry));
        Assert.False(Filters(labels: new() { ["team"] = "" }).Matches(entry));
    }
}
