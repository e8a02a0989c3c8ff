using System.Reflection;

namespace Platform.Testing;

/// <summary>What to start and how to know it is up. Reuse the same options to restart a service.</summary>
public sealed record ServiceProcessOptions
{
    /// <summary>
    /// The project directory relative to the repository root, e.g. "services/Events/Platform.Events". The process is
    /// <c>dotnet &lt;dir&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;dir name&gt;.dll</c>, the configuration and framework
    /// being the test build's own. Build it first (the test project should reference it with
    /// ReferenceOutputAssembly="false" so that building the tests builds it).
    /// </summary>
    public required string Project { get; init; }

    /// <summary>
    /// A native executable to run instead of <c>dotnet &lt;dll&gt;</c> (the AOT-published runtime, say); null runs the
    /// project's build output. <see cref="Project"/> still names the service.
    /// </summary>
    public string? Executable { get; init; }

    /// <summary>
    /// The environment variable that receives the port number, for a process that configures its own listener
    /// (the gateway's "Gateway__TcpPort"). Null: ASPNETCORE_URLS=http://127.0.0.1:&lt;port&gt;.
    /// </summary>
    public string? PortVariable { get; init; }

    /// <summary>The port to listen on; null picks a free one (and retries with another if it was taken meanwhile).</summary>
    public int? Port { get; init; }

    /// <summary>Added to the inherited environment; a null value removes a variable. ASPNETCORE_URLS is set by the helper.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra command-line arguments after the dll.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Also wait for /readyz (database and broker reachable), not only /healthz.</summary>
    public bool WaitForReady { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3); // a JIT service generating its Marten code on a busy 2-core machine

    public string HealthPath { get; init; } = "/healthz";
    public string ReadyPath { get; init; } = "/readyz";

    /// <summary>Debug or Release, as the test assemblies were built.</summary>
    public static string Configuration { get; } =
        typeof(ServiceProcessOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>What runs: <see cref="Executable"/>, or the full path of the service's build output.</summary>
    public string ProgramPath => Executable ?? AssemblyPath;

    /// <summary>The full path of the service's build output (bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;name&gt;.dll).</summary>
    public string AssemblyPath
    {
        get
        {
            var dir = RepositoryRoot.Combine(Project.TrimEnd('/'));
            var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
            return Path.Combine(dir, "bin", Configuration, framework, Path.GetFileName(dir) + ".dll");
        }
    }

    public string Name => Path.GetFileName(Project.TrimEnd('/'));
}
