namespace Platform.Images.Images;

/// <summary>Docker's label filters (MatchKVList): every "key" must be present, every "key=value" must be equal.</summary>
public static class LabelMatch
{
    public static bool All(IEnumerable<string> filters, IReadOnlyDictionary<string, string>? labels) =>
        filters.All(filter => One(filter, labels));

    static bool One(string filter, IReadOnlyDictionary<string, string>? labels)
    {
        var eq = filter.IndexOf('=');
        var key = eq < 0 ? filter : filter[..eq];
        if (labels is null || !labels.TryGetValue(key, out var value)) return false;
        return eq < 0 || value == filter[(eq + 1)..];
    }
}
