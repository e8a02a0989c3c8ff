using Platform.Runtime.Volumes;
using Platform.Runtime.Volumes.Api;

namespace Platform.Runtime.Tests.Unit.Volumes;

public sealed class VolumeFiltersTests
{
    static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    static Volume V(string name, params (string Key, string Value)[] labels) =>
        new(name, "local", "/v/" + name + "/_data", labels.ToDictionary(l => l.Key, l => l.Value), null, false, At);

    static readonly Volume[] Volumes =
    [
        V("web-data", ("tier", "web"), ("backup", "")),
        V("db-data", ("tier", "db")),
        V("cache"),
    ];

    static string[] Select(string filters, VolumeUsage? usage = null)
    {
        var matches = VolumeFilters.Predicate(DockerFilters.Parse(filters, VolumeFilters.ListKeys), usage ?? new VolumeUsage());
        return Volumes.Where(matches).Select(v => v.Name).ToArray();
    }

    [Fact]
    public void No_filter_selects_everything() => Assert.Equal(3, Select("").Length);

    [Fact]
    public void A_label_key_selects_volumes_that_have_it() => Assert.Equal(["web-data"], Select("""{"label":{"backup":true}}"""));

    [Fact]
    public void A_label_key_value_selects_exact_values_and_all_conditions_must_hold()
    {
        Assert.Equal(["db-data"], Select("""{"label":{"tier=db":true}}"""));
        Assert.Empty(Select("""{"label":{"tier=db":true,"backup":true}}"""));
    }

    [Fact]
    public void The_legacy_array_form_is_accepted() => Assert.Equal(["db-data"], Select("""{"label":["tier=db"]}"""));

    [Fact]
    public void Name_is_a_regular_expression_searched_in_the_name()
    {
        Assert.Equal(["web-data", "db-data"], Select("""{"name":{"data":true}}"""));
        Assert.Equal(["cache"], Select("""{"name":{"^c":true}}"""));
    }

    [Fact]
    public void Driver_selects_by_driver_name()
    {
        Assert.Equal(3, Select("""{"driver":{"local":true}}""").Length);
        Assert.Empty(Select("""{"driver":{"nfs":true}}"""));
    }

    [Fact]
    public void Dangling_means_referenced_by_no_container()
    {
        var usage = new VolumeUsage();
        usage.Register("c1", ["db-data"]);
        Assert.Equal(["web-data", "cache"], Select("""{"dangling":{"true":true}}""", usage));
        Assert.Equal(["db-data"], Select("""{"dangling":{"0":true}}""", usage));
        usage.Unregister("c1");
        Assert.Empty(Select("""{"dangling":{"false":true}}""", usage));
    }

    [Theory]
    [InlineData("""{"colour":{"x":true}}""", "invalid filter 'colour'")]
    [InlineData("""{"dangling":{"maybe":true}}""", "invalid filter 'dangling=maybe'")]
    [InlineData("not json", "invalid filter")]
    public void Bad_filters_are_refused_as_docker_refuses_them(string filters, string message)
    {
        var error = Assert.Throws<VolumeError>(() => Select(filters));
        Assert.Equal((400, message), (error.Status, error.Message));
    }

    [Fact]
    public void Prune_accepts_label_not_and_all_but_not_name()
    {
        var filters = DockerFilters.Parse("""{"label!":{"tier=db":true},"all":{"true":true}}""", VolumeFilters.PruneKeys);
        Assert.Equal(["web-data", "cache"], Volumes.Where(VolumeFilters.Predicate(filters, new VolumeUsage())).Select(v => v.Name));
        Assert.Throws<VolumeError>(() => DockerFilters.Parse("""{"name":{"x":true}}""", VolumeFilters.PruneKeys));
    }
}
