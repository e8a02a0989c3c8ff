using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Images.DockerApi.Inspecting;

/// <summary>
/// The "Config" of image inspect: the image config's run settings as an OCI image config (empty fields omitted), plus
/// the fields older APIs always carried — for API &lt; 1.50 the whole container.Config set, from 1.50 the eight
/// that had no omitempty (moby's legacyConfigFields). Keys sorted, as Go writes a map.
/// </summary>
public static class InspectConfig
{
    static readonly string[] ImageConfigFields =
        ["User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal", "ArgsEscaped", "Healthcheck", "OnBuild", "Shell"];

    static readonly Version ImageConfigApi = new(1, 50);

    public static JsonObject Build(JsonElement? config, Version apiVersion)
    {
        var fields = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in apiVersion < ImageConfigApi ? ContainerConfigDefaults() : CurrentDefaults()) fields[name] = value;
        if (config is { ValueKind: JsonValueKind.Object } source)
            foreach (var name in ImageConfigFields)
                if (source.TryGetProperty(name, out var value) && !IsEmpty(value))
                    fields[name] = JsonNode.Parse(value.GetRawText());
        return new JsonObject(fields);
    }

    /// <summary>Go's omitempty: null, false, 0, "", and empty arrays and objects are left out.</summary>
    static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => true,
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        JsonValueKind.Number => value.GetDouble() == 0,
        _ => false,
    };

    static IEnumerable<(string, JsonNode?)> CurrentDefaults() =>
    [
        ("Cmd", null), ("Entrypoint", null), ("Env", null), ("Labels", null), ("OnBuild", null),
        ("User", ""), ("Volumes", null), ("WorkingDir", ""),
    ];

    static IEnumerable<(string, JsonNode?)> ContainerConfigDefaults() =>
    [
        .. CurrentDefaults(),
        ("AttachStderr", false), ("AttachStdin", false), ("AttachStdout", false), ("Domainname", ""), ("Hostname", ""),
        ("Image", ""), ("OpenStdin", false), ("StdinOnce", false), ("Tty", false),
    ];
}
