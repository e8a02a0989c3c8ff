namespace Platform.Benchmarks;

/// <summary>External programs the scenarios use.</summary>
public sealed record Tools(string DockerCli, string? Hyperfine, string DockerConfig)
{
    public static Tools Find(Options options, string scratch)
    {
        var hyperfine = options.UseHyperfine ? OnPath("hyperfine") : null;
        // An empty client config: no contexts, credential helpers or plugins from the user's home.
        var config = Directory.CreateDirectory(Path.Combine(scratch, "docker-config")).FullName;
        return new Tools(options.DockerCli, hyperfine, config);
    }

    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
