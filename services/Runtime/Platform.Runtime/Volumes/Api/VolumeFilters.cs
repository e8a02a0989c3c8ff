using System.Text.RegularExpressions;

namespace Platform.Runtime.Volumes.Api;

/// <summary>Which volumes a list or prune filter selects, with moby's semantics for each key.</summary>
public static class VolumeFilters
{
    public static readonly string[] ListKeys = ["dangling", "name", "driver", "label"];
    public static readonly string[] PruneKeys = ["label", "label!", "all"];

    /// <summary>name: a regular expression searched in the name; driver: any of; label: every key or key=value holds;
    /// label!: not all of them hold; dangling: referenced by no container (or referenced, when false).</summary>
    public static Func<Volume, bool> Predicate(DockerFilters filters, VolumeUsage usage)
    {
        var names = filters.Get("name");
        var drivers = filters.Get("driver");
        bool? dangling = filters.Contains("dangling") ? Bool(filters, "dangling") : null;
        return volume =>
            (names.Count == 0 || names.Any(n => n == volume.Name || Matches(n, volume.Name)))
            && (drivers.Count == 0 || drivers.Contains(volume.Driver))
            && MatchesLabels(filters.Get("label"), volume.Labels)
            && (!filters.Contains("label!") || !MatchesLabels(filters.Get("label!"), volume.Labels))
            && (dangling is null || usage.IsInUse(volume.Name) != dangling);
    }

    /// <summary>moby's MatchKVList: no conditions match everything; otherwise every condition must hold.</summary>
    public static bool MatchesLabels(IReadOnlyList<string> conditions, IReadOnlyDictionary<string, string> labels)
    {
        if (conditions.Count == 0) return true;
        foreach (var condition in conditions)
        {
            var eq = condition.IndexOf('=');
            var key = eq < 0 ? condition : condition[..eq];
            if (!labels.TryGetValue(key, out var value)) return false;
            if (eq >= 0 && condition[(eq + 1)..] != value) return false;
        }
        return true;
    }

    /// <summary>A boolean filter: exactly one of true/1 or false/0, else moby's "invalid filter 'key=values'".</summary>
    public static bool Bool(DockerFilters filters, string key)
    {
        var values = filters.Get(key);
        var isTrue = values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1");
        var isFalse = values.Any(v => v.Equals("false", StringComparison.OrdinalIgnoreCase) || v == "0");
        if (isTrue == isFalse) throw VolumeError.InvalidParameter($"invalid filter '{key}={string.Join(",", values)}'");
        return isTrue;
    }

    static bool Matches(string pattern, string name)
    {
        try { return Regex.IsMatch(name, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)); }
        catch (ArgumentException) { return false; }
        catch (RegexMatchTimeoutException) { return false; }
    }
}
