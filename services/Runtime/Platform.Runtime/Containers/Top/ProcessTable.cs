using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Top;

/// <summary>GET /containers/{id}/top's body: ps's column titles and one row per process of the container.</summary>
public sealed record ContainerTop(IReadOnlyList<string> Titles, IReadOnlyList<IReadOnlyList<string>> Processes);

/// <summary>
/// Reads ps output as moby does: titles from the header, the PID column found by name, each row split on ASCII
/// whitespace with everything past the last title joined back (the command keeps its spaces), and only the rows
/// whose PID belongs to the container kept.
/// </summary>
public static class ProcessTable
{
    static readonly char[] Blanks = [' ', '\t', '\n', '\v', '\f', '\r'];

    public static ContainerTop Parse(string output, IReadOnlyCollection<int> pids)
    {
        var lines = output.Split('\n');
        var titles = Fields(lines[0]);
        var pidColumn = Array.IndexOf(titles, "PID");
        if (pidColumn < 0) throw new DockerApiException(500, "Couldn't find PID field in ps output");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var line in lines.Skip(1))
        {
            var fields = Fields(line);
            if (fields.Length == 0) continue;
            if (pidColumn >= fields.Length || !int.TryParse(fields[pidColumn], out var pid))
                throw new DockerApiException(500, $"Unexpected pid '{(pidColumn < fields.Length ? fields[pidColumn] : "")}': invalid syntax");
            if (!pids.Contains(pid)) continue;
            rows.Add(fields.Length <= titles.Length
                ? fields
                : [.. fields[..(titles.Length - 1)], string.Join(' ', fields[(titles.Length - 1)..])]);
        }
        return new ContainerTop(titles, rows);
    }

    public static string[] Fields(string line) => line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
}
