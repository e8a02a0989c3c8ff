using Platform.Benchmarks.Scenarios;

namespace Platform.Benchmarks;

/// <summary>Command line: which scenarios, which engines, where the platform is, where to write JSON.</summary>
public sealed record Options(
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<string> Engines,
    Uri PlatformHost,
    string? JsonPath,
    string DockerCli,
    bool UseHyperfine,
    bool KeepTemp)
{
    public const string DefaultPlatformHost = "unix:///run/platform/docker.sock";
    public static readonly string[] AllEngines = ["platform", "dockerd", "podman"];

    public const string Usage = """
        usage: Platform.Benchmarks [options]
          --scenario a,b       scenarios to run (default: all; see --list)
          --engines a,b        engines to compare (default: platform,dockerd,podman)
          --platform URI       the running platform's Docker API (default: $PLATFORM_DOCKER_HOST
                               or unix:///run/platform/docker.sock)
          --json FILE          also write the results as JSON
          --docker-cli PATH    docker CLI to time (default: /usr/local/bin/docker, else PATH)
          --no-hyperfine       time CLI runs in-process even if hyperfine is installed
          --keep-temp          keep the peers' temporary root (logs) after the run
          --list               list the scenarios and exit
        """;

    public static Options? Parse(string[] args, TextWriter error, out int exitCode)
    {
        exitCode = 2;
        var scenarios = new List<string>();
        var engines = new List<string>(AllEngines);
        var platform = Environment.GetEnvironmentVariable("PLATFORM_DOCKER_HOST") is { Length: > 0 } env ? env : DefaultPlatformHost;
        string? json = null;
        var cli = File.Exists("/usr/local/bin/docker") ? "/usr/local/bin/docker" : "docker";
        bool hyperfine = true, keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            try
            {
                switch (args[i])
                {
                    case "--scenario" or "--scenarios": scenarios.AddRange(List(Next())); break;
                    case "--engines" or "--engine": engines = [.. List(Next())]; break;
                    case "--platform": platform = Next(); break;
                    case "--json": json = Next(); break;
                    case "--docker-cli": cli = Next(); break;
                    case "--no-hyperfine": hyperfine = false; break;
                    case "--keep-temp": keep = true; break;
                    case "--list":
                        foreach (var s in ScenarioCatalog.All)
                            Console.WriteLine($"{s.Name,-21} {s.Description}");
                        exitCode = 0;
                        return null;
                    case "-h" or "--help": Console.WriteLine(Usage); exitCode = 0; return null;
                    default: throw new ArgumentException($"unknown argument {args[i]}");
                }
            }
            catch (ArgumentException e)
            {
                error.WriteLine(e.Message);
                error.WriteLine(Usage);
                return null;
            }
        }
        var unknownEngine = engines.FirstOrDefault(e => !AllEngines.Contains(e));
        var unknownScenario = scenarios.FirstOrDefault(s => ScenarioCatalog.Find(s) is null);
        if (unknownEngine is not null || unknownScenario is not null
            || !Uri.TryCreate(platform, UriKind.Absolute, out var platformUri))
        {
            error.WriteLine($"unknown engine, scenario or bad URI: {unknownEngine ?? unknownScenario ?? platform}");
            error.WriteLine(Usage);
            return null;
        }
        return new Options(scenarios, engines, platformUri, json, cli, hyperfine, keep);
    }
}
