using System.Text.Json;

namespace Platform.Runtime.Volumes.Api;

/// <summary>
/// Docker's <c>filters</c> query parameter: {"key":{"value":true}} (what clients send) or the legacy
/// {"key":["value"]}; an empty string is no filter. Keys outside the accepted set are refused as moby refuses them.
/// </summary>
public sealed class DockerFilters
{
    readonly Dictionary<string, List<string>> _values;

    DockerFilters(Dictionary<string, List<string>> values) => _values = values;

    public static DockerFilters None { get; } = new(new Dictionary<string, List<string>>());

    public IReadOnlyList<string> Get(string key) => _values.TryGetValue(key, out var v) ? v : [];

    public bool Contains(string key) => _values.ContainsKey(key);

    public void Add(string key, string value)
    {
        if (!_values.TryGetValue(key, out var list)) _values[key] = list = [];
        if (!list.Contains(value)) list.Add(value);
    }

    /// <exception cref="VolumeError">400 for malformed JSON or a filter key not in <paramref name="accepted"/>.</exception>
    public static DockerFilters Parse(string? json, IReadOnlyCollection<string> accepted)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object) throw VolumeError.InvalidParameter("invalid filter");
                foreach (var property in document.RootElement.EnumerateObject())
                    values[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.Object => [.. property.Value.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.False).Select(p => p.Name)],
                        JsonValueKind.Array => [.. property.Value.EnumerateArray().Select(e => e.GetString() ?? "")],
                        _ => throw VolumeError.InvalidParameter("invalid filter"),
                    };
            }
            catch (JsonException) { throw VolumeError.InvalidParameter("invalid filter"); }
            catch (InvalidOperationException) { throw VolumeError.InvalidParameter("invalid filter"); }
        }
        foreach (var key in values.Keys)
            if (!accepted.Contains(key)) throw VolumeError.InvalidParameter($"invalid filter '{key}'");
        return new DockerFilters(values);
    }
}
