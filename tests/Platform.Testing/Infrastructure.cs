namespace Platform.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against, started once per test process with
/// <c>deploy/infra.sh up --dir &lt;repo&gt;/.infra/test</c> (or $PLATFORM_TEST_INFRA_DIR). Left running afterwards:
/// the next run reuses it, and <c>deploy/infra.sh down --dir …</c> stops it.
/// </summary>
public sealed class Infrastructure
{
    public const string DirVariable = "PLATFORM_TEST_INFRA_DIR";
    public const string PostgresVariable = "ConnectionStrings__Postgres";
    public const string RabbitMqVariable = "ConnectionStrings__RabbitMq";

    static readonly Lazy<Task<Infrastructure>> Shared = new(() => UpAsync(SharedDirectory()));

    Infrastructure(string directory, string envFile, IReadOnlyDictionary<string, string> variables)
    {
        Directory = directory;
        EnvFile = envFile;
        Variables = variables;
    }

    /// <summary>Starts the servers on first use; every later call in the process gets the same instance.</summary>
    public static Task<Infrastructure> GetAsync() => Shared.Value;

    /// <summary>
    /// A separate PostgreSQL + RabbitMQ pair in &lt;repo&gt;/.infra/&lt;name&gt;, for a test that stops or breaks a server
    /// and must not disturb the tests sharing <see cref="GetAsync"/>. Call <see cref="DownAsync"/> when done.
    /// </summary>
    public static Task<Infrastructure> StartPrivateAsync(string name) => UpAsync(RepositoryRoot.Combine(".infra/" + name));

    /// <summary>Stops both servers (data stays in the directory).</summary>
    public Task DownAsync() => RunAsync("down");

    public string Directory { get; }
    public string EnvFile { get; }

    /// <summary>Everything DIR/env defines.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Npgsql connection string.</summary>
    public string PostgresConnectionString => Variables[PostgresVariable];

    /// <summary>amqp://user:password@127.0.0.1:port/</summary>
    public string RabbitMqUri => Variables[RabbitMqVariable];

    /// <summary>The environment a platform service needs to reach both servers; add to it per process.</summary>
    public Dictionary<string, string?> ServiceEnvironment() => new()
    {
        [PostgresVariable] = PostgresConnectionString,
        [RabbitMqVariable] = RabbitMqUri,
    };

    /// <summary>
    /// The environment for a set of services isolated from every other test on the same servers: its own
    /// PostgreSQL database and its own RabbitMQ virtual host. Services of different test assemblies run at the
    /// same time; sharing one database and broker, they would compete for each other's queue messages and
    /// leader locks (Marten's async daemon runs hot/cold per database).
    /// </summary>
    public async Task<Dictionary<string, string?>> IsolatedEnvironmentAsync(string name)
    {
        var id = $"{new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())}_{Guid.NewGuid():N}"[..32];
        await InfraScript.RunAsync("psql", Directory, TimeSpan.FromMinutes(3), "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE {id}");
        await InfraScript.RunAsync("rabbitmqctl", Directory, TimeSpan.FromMinutes(3), "add_vhost", id);
        await InfraScript.RunAsync("rabbitmqctl", Directory, TimeSpan.FromMinutes(3), "set_permissions", "-p", id, "platform", ".*", ".*", ".*");
        var postgres = PostgresConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(kv => kv.StartsWith("Database=", StringComparison.OrdinalIgnoreCase) ? "Database=" + id : kv);
        return new()
        {
            [PostgresVariable] = string.Join(';', postgres),
            [RabbitMqVariable] = RabbitMqUri.TrimEnd('/') + "/" + id,
        };
    }

    /// <summary>Another infra.sh command on the same directory: "stop-rabbitmq", "start-rabbitmq", "status", ….</summary>
    public Task<string> RunAsync(string command, TimeSpan? timeout = null) =>
        InfraScript.RunAsync(command, Directory, timeout ?? TimeSpan.FromMinutes(2));

    static string SharedDirectory() =>
        Environment.GetEnvironmentVariable(DirVariable) is { Length: > 0 } configured
            ? System.IO.Path.GetFullPath(configured)
            : RepositoryRoot.Combine(".infra/test");

    static async Task<Infrastructure> UpAsync(string dir)
    {
        var stdout = await InfraScript.RunAsync("up", dir, TimeSpan.FromMinutes(10));
        var envFile = stdout.TrimEnd().Split('\n')[^1].Trim();
        if (!File.Exists(envFile)) throw new InvalidOperationException($"infra.sh up did not name an env file; it printed:\n{stdout}");
        return new Infrastructure(dir, envFile, EnvFileFormat.Parse(await File.ReadAllTextAsync(envFile)));
    }
}
