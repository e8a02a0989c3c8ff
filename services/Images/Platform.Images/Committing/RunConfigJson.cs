using System.Text.Json.Nodes;
using Platform.Images.Archives.Importing;

namespace Platform.Images.Committing;

/// <summary>
/// A container.Config JSON object (as the runtime's inspect gives it) seen as the <see cref="RunConfig"/> that
/// changes edit, and written back into the object: the fields changes never touch (Hostname, Tty, Healthcheck,
/// ArgsEscaped, StopTimeout…) stay as they were.
/// </summary>
public static class RunConfigJson
{
    public static RunConfig Read(JsonObject config) => new()
    {
        User = Text(config, "User") ?? "",
        ExposedPorts = Keys(config, "ExposedPorts"),
        Env = List(config, "Env"),
        Cmd = List(config, "Cmd"),
        Entrypoint = List(config, "Entrypoint"),
        Volumes = Keys(config, "Volumes"),
        WorkingDir = Text(config, "WorkingDir") ?? "",
        Labels = config["Labels"] is JsonObject labels
            ? new SortedDictionary<string, string>(labels.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? ""), StringComparer.Ordinal)
            : null,
        OnBuild = List(config, "OnBuild"),
        StopSignal = Text(config, "StopSignal"),
        Shell = List(config, "Shell"),
    };

    public static void WriteInto(RunConfig run, JsonObject config)
    {
        config["User"] = run.User;
        config["ExposedPorts"] = Set(run.ExposedPorts);
        config["Env"] = Array(run.Env);
        config["Cmd"] = Array(run.Cmd);
        config["Entrypoint"] = Array(run.Entrypoint);
        config["Volumes"] = Set(run.Volumes);
        config["WorkingDir"] = run.WorkingDir;
        config["Labels"] = run.Labels is null ? null : new JsonObject(run.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        config["OnBuild"] = Array(run.OnBuild);
        if (run.StopSignal is { Length: > 0 } signal) config["StopSignal"] = signal;
        else config.Remove("StopSignal");
        if (run.Shell is { Count: > 0 }) config["Shell"] = Array(run.Shell);
        else config.Remove("Shell");
        if (config["ExposedPorts"] is null) config.Remove("ExposedPorts");
    }

    static string? Text(JsonObject config, string name) => config[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A list; Docker's strslice also accepts a single string for a one-word list.</summary>
    static List<string>? List(JsonObject config, string name) => config[name] switch
    {
        JsonArray array => array.Select(n => n?.GetValue<string>() ?? "").ToList(),
        JsonValue value when value.TryGetValue<string>(out var one) => [one],
        _ => null,
    };

    static SortedSet<string>? Keys(JsonObject config, string name) =>
        config[name] is JsonObject set ? new SortedSet<string>(set.Select(p => p.Key), StringComparer.Ordinal) : null;

    static JsonArray? Array(List<string>? values) => values is null ? null : new JsonArray(values.Select(v => (JsonNode?)v).ToArray());

    static JsonObject? Set(SortedSet<string>? keys) =>
        keys is null ? null : new JsonObject(keys.Select(k => KeyValuePair.Create(k, (JsonNode?)new JsonObject())));
}
