using System.Text.Json;

namespace Platform.ServiceDefaults.DockerApi;

/// <summary>
/// The filters parameter: {"key":{"value":true}} as every client sends it, or the legacy {"key":["value"]}.
/// Keys outside the endpoint's accepted set are 400 "invalid filter 'key'".
/// </summary>
public sealed class DockerFilters
{
    readonly Dictionary<string, List<string>> _values;

    DockerFilters(Dictionary<string, List<string>> values) => _values = values;

    public static DockerFilters Parse(string? json, params string[] accepted)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object) throw DockerApiException.BadRequest("invalid filter: not a JSON object");
                foreach (var field in document.RootElement.EnumerateObject())
                    values[field.Name] = field.Value.ValueKind switch
                    {
                        JsonValueKind.Object => field.Value.EnumerateObject().Select(v => v.Name).ToList(),
                        JsonValueKind.Array => field.Value.EnumerateArray().Select(v => v.ToString()).ToList(),
                        _ => throw DockerApiException.BadRequest($"invalid filter '{field.Name}'"),
                    };
            }
            catch (JsonException error)
            {
                throw DockerApiException.BadRequest($"invalid filter: {error.Message}");
            }
        }
        foreach (var key in values.Keys)
            if (!accepted.Contains(key)) throw DockerApiException.BadRequest($"invalid filter '{key}'");
        return new DockerFilters(values);
    }

    public bool Contains(string key) => _values.ContainsKey(key);

    public IReadOnlyList<string> Get(string key) => _values.TryGetValue(key, out var list) ? list : [];

    /// <summary>A boolean filter (dangling): absent → <paramref name="absent"/>; one of true/false/1/0 otherwise.</summary>
    public bool Bool(string key, bool absent)
    {
        var values = Get(key);
        if (values.Count == 0) return absent;
        if (values.Count > 1) throw DockerApiException.BadRequest($"invalid filter '{key}': more than one value");
        return values[0].ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw DockerApiException.BadRequest($"invalid filter '{key}={values[0]}'"),
        };
    }

    /// <summary>label filters: every "key" must be present and every "key=value" must match.</summary>
    public bool MatchesLabels(IReadOnlyDictionary<string, string>? labels)
    {
        foreach (var wanted in Get("label"))
        {
            var eq = wanted.IndexOf('=');
            var key = eq < 0 ? wanted : wanted[..eq];
            if (labels is null || !labels.TryGetValue(key, out var value)) return false;
            if (eq >= 0 && value != wanted[(eq + 1)..]) return false;
        }
        return true;
    }
}
