using System.Text.Json;

namespace Platform.Images.Archives.Importing;

/// <summary>
/// The "config" of an image config as Docker writes it (container.Config): what a new container runs with.
/// Mutable only while an import applies its changes; written in Docker's field order, maps sorted as Go sorts them.
/// </summary>
public sealed class RunConfig
{
    public string User { get; set; } = "";
    public SortedSet<string>? ExposedPorts { get; set; }
    public List<string>? Env { get; set; }
    public List<string>? Cmd { get; set; }
    public List<string>? Entrypoint { get; set; }
    public SortedSet<string>? Volumes { get; set; }
    public string WorkingDir { get; set; } = "";
    public SortedDictionary<string, string>? Labels { get; set; }
    public List<string>? OnBuild { get; set; }
    public string? StopSignal { get; set; }
    public List<string>? Shell { get; set; }

    /// <summary>The value of <paramref name="name"/> in Env, for variable expansion.</summary>
    public string? Variable(string name) =>
        Env?.LastOrDefault(e => e.StartsWith(name + "=", StringComparison.Ordinal)) is { } entry ? entry[(name.Length + 1)..] : null;

    public void SetVariable(string name, string value)
    {
        Env ??= [];
        var index = Env.FindIndex(e => e.StartsWith(name + "=", StringComparison.Ordinal) || e == name);
        if (index >= 0) Env[index] = name + "=" + value;
        else Env.Add(name + "=" + value);
    }

    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("Hostname", "");
        json.WriteString("Domainname", "");
        json.WriteString("User", User);
        json.WriteBoolean("AttachStdin", false);
        json.WriteBoolean("AttachStdout", false);
        json.WriteBoolean("AttachStderr", false);
        if (ExposedPorts is { Count: > 0 }) WriteSet(json, "ExposedPorts", ExposedPorts);
        json.WriteBoolean("Tty", false);
        json.WriteBoolean("OpenStdin", false);
        json.WriteBoolean("StdinOnce", false);
        WriteList(json, "Env", Env);
        WriteList(json, "Cmd", Cmd);
        json.WriteString("Image", "");
        if (Volumes is { Count: > 0 }) WriteSet(json, "Volumes", Volumes);
        else json.WriteNull("Volumes");
        json.WriteString("WorkingDir", WorkingDir);
        WriteList(json, "Entrypoint", Entrypoint);
        WriteList(json, "OnBuild", OnBuild);
        if (Labels is { Count: > 0 })
        {
            json.WriteStartObject("Labels");
            foreach (var (key, value) in Labels) json.WriteString(key, value);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("Labels");
        }
        if (StopSignal is { Length: > 0 }) json.WriteString("StopSignal", StopSignal);
        if (Shell is { Count: > 0 }) WriteList(json, "Shell", Shell);
        json.WriteEndObject();
    }

    static void WriteList(Utf8JsonWriter json, string name, List<string>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    static void WriteSet(Utf8JsonWriter json, string name, IEnumerable<string> keys)
    {
        json.WriteStartObject(name);
        foreach (var key in keys)
        {
            json.WriteStartObject(key);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
