using System.Globalization;
using System.Text.Json;

namespace Platform.Images.Images.Format;

/// <summary>
/// An image config blob as this service reads it (registry-image.md §4.4): tolerant of unknown fields, strict about
/// what it needs (a JSON object with a layers rootfs). The raw "created" text is kept so inspect can echo it exactly.
/// </summary>
public sealed record ImageConfigFile(
    string? CreatedText,
    DateTimeOffset? Created,
    string Author,
    string Architecture,
    string Os,
    string? Variant,
    string? OsVersion,
    string Comment,
    string DockerVersion,
    JsonElement? Config,
    IReadOnlyList<string> DiffIds,
    IReadOnlyList<HistoryEntry> History)
{
    public IReadOnlyDictionary<string, string>? Labels =>
        Config is { ValueKind: JsonValueKind.Object } config && config.TryGetProperty("Labels", out var labels) &&
        labels.ValueKind == JsonValueKind.Object
            ? labels.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : null;

    /// <summary>Parses a config; throws <see cref="FormatException"/> with a reason when it is not one.</summary>
    public static ImageConfigFile Parse(ReadOnlyMemory<byte> json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new FormatException($"invalid image config: {error.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("invalid image config: not a JSON object");
        if (!root.TryGetProperty("rootfs", out var rootfs) || rootfs.ValueKind != JsonValueKind.Object)
            throw new FormatException("invalid image config: no rootfs");
        if (String(rootfs, "type") != "layers") throw new FormatException($"unsupported rootfs type \"{String(rootfs, "type")}\"");

        var createdText = String(root, "created");
        return new ImageConfigFile(
            createdText,
            ParseTime(createdText),
            String(root, "author") ?? "",
            String(root, "architecture") ?? "",
            String(root, "os") ?? "",
            String(root, "variant"),
            String(root, "os.version"),
            String(root, "comment") ?? "",
            String(root, "docker_version") ?? "",
            root.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object ? config : null,
            Strings(rootfs, "diff_ids"),
            root.TryGetProperty("history", out var history) && history.ValueKind == JsonValueKind.Array
                ? history.EnumerateArray().Select(HistoryEntry.From).ToArray()
                : []);
    }

    public static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    internal static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : [];
}

/// <summary>One history entry; EmptyLayer entries have no layer in rootfs.</summary>
public sealed record HistoryEntry(DateTimeOffset? Created, string CreatedBy, string Comment, string Author, bool EmptyLayer)
{
    public static HistoryEntry From(JsonElement entry) => new(
        ImageConfigFile.ParseTime(ImageConfigFile.String(entry, "created")),
        ImageConfigFile.String(entry, "created_by") ?? "",
        ImageConfigFile.String(entry, "comment") ?? "",
        ImageConfigFile.String(entry, "author") ?? "",
        entry.TryGetProperty("empty_layer", out var empty) && empty.ValueKind == JsonValueKind.True);
}
