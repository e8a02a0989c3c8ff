using Platform.Runtime.Tests.Integration.Volumes;
using Platform.Testing;

namespace Platform.Runtime.Tests.Integration.Shipping;

/// <summary>
/// Tests of what the runtime ships: a private root, an isolated virtual host on the real RabbitMQ, a queue bound to the
/// runtime's host and volume exchanges, and the runtime started against that broker.
/// </summary>
public abstract class BrokerRuntimeTests(string name) : IAsyncLifetime
{
    static readonly string[] Exchanges = ["runtime.host-started", "runtime.volume-created", "runtime.volume-destroyed"];
    readonly string _root = Directory.CreateTempSubdirectory($"platform-{name}-").FullName;
    Dictionary<string, string?> _environment = null!;

    public async Task InitializeAsync() =>
        _environment = await (await Infrastructure.GetAsync()).IsolatedEnvironmentAsync($"runtime-{name}");

    protected Task<BoundQueue> BindAsync() => BoundQueue.BindAsync(_environment[Infrastructure.RabbitMqVariable]!, Exchanges);

    /// <summary>The runtime on the private root, shipping to the broker, with these settings besides.</summary>
    protected Task<ServiceProcess> StartRuntimeAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?>(RuntimeProcess.Options(_root).Environment)
        {
            [Infrastructure.RabbitMqVariable] = _environment[Infrastructure.RabbitMqVariable],
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;
        return ServiceProcess.StartAsync(RuntimeProcess.Options(_root) with { Environment = environment });
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
