using System.Text;
using Platform.Runtime.Engine;
using Platform.Testing;

namespace Platform.Runtime.Tests.Integration.Engine;

/// <summary>
/// An engine on private temp roots (its own OCI runtime root, exits dir, cgroup parent) and helpers to run busybox in
/// it; the OCI runtime is the platform's built-in one unless a subclass names another.
/// </summary>
public class EngineFixture : IAsyncLifetime, IAsyncDisposable
{
    readonly string _base = Path.Combine(Path.GetTempPath(), "engine-" + Guid.NewGuid().ToString("N")[..8]);
    readonly List<string> _ids = [];

    public EngineFixture() : this(null)
    {
    }

    protected EngineFixture(string? ociRuntime)
    {
        Engine = new ContainerEngine(new EngineSettings(Path.Combine(_base, "root"), Path.Combine(_base, "run"))
        {
            CgroupParent = "/platform-test",
            Runc = ociRuntime ?? PublishedOci() ?? EngineSettings.BuiltinOci,
        });
    }

    public ContainerEngine Engine { get; }

    /// <summary>deploy/test.sh publishes platform-oci (Native AOT) beside the runtime; the build's copy runs JIT.</summary>
    internal static string? PublishedOci()
    {
        var native = RepositoryRoot.Combine($"artifacts/{ServiceProcessOptions.Configuration}/runtime/platform-oci");
        return File.Exists(native) ? native : null;
    }

    public static RootfsPlan Vfs => new("vfs", [], BusyboxRootfs.Path);

    public static RootfsPlan Overlay => new("overlay", [BusyboxRootfs.Path], null);

    public string NewId()
    {
        var id = "t" + Guid.NewGuid().ToString("N");
        lock (_ids) _ids.Add(id);
        return id;
    }

    public static ContainerLaunch Launch(string id, params string[] args) => new(id, args, [], "/", "", "box", false, false, false, [],
        ResourceLimits.None, false, [], [], false, false, false, null, 0, 0);

    /// <summary>Mounts the rootfs and creates the container (not started).</summary>
    public async Task<int> CreateAsync(ContainerLaunch launch, RootfsPlan? plan = null)
    {
        await Engine.MountRootfsAsync(launch.Id, plan ?? Vfs, CancellationToken.None);
        return await Engine.CreateAsync(launch, CancellationToken.None);
    }

    /// <summary>Creates, starts and waits for the container; returns its exit and everything it logged.</summary>
    public async Task<(ContainerExit Exit, string Log)> RunAsync(ContainerLaunch launch, RootfsPlan? plan = null)
    {
        await CreateAsync(launch, plan);
        await Engine.StartAsync(launch.Id, CancellationToken.None);
        var exit = await Engine.WaitForExitAsync(launch.Id, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return (exit, await LogTextAsync(launch.Id));
    }

    /// <summary>Everything an attach or exec session printed, by stream, until it ends.</summary>
    public static async Task<Dictionary<AttachStream, string>> ReadAllAsync(
        Func<Memory<byte>, CancellationToken, ValueTask<(AttachStream, int)>> read, CancellationToken ct)
    {
        var text = new Dictionary<AttachStream, StringBuilder> { [AttachStream.Stdout] = new(), [AttachStream.Stderr] = new() };
        var buffer = new byte[4096];
        while (await read(buffer, ct) is (var kind, > 0 and var count)) text[kind].Append(Encoding.UTF8.GetString(buffer, 0, count));
        return text.ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public async Task<string> LogTextAsync(string id)
    {
        var text = new StringBuilder();
        await foreach (var entry in new ContainerLogReader().ReadAsync(Engine.LogPath(id), new LogQuery(true, true, null, null, null, false)))
            text.Append(Encoding.UTF8.GetString(entry.Line.Span));
        return text.ToString();
    }

    public async Task RemoveAsync(string id)
    {
        await Engine.DeleteAsync(id, CancellationToken.None);
        await Engine.RemoveFilesAsync(id);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit disposes fixtures through IAsyncLifetime: blocking on async cleanup in its sync context would deadlock.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var id in _ids.ToList())
            try { await RemoveAsync(id); } catch (Exception) { /* best effort: the test already failed */ }
        Engine.Dispose();
        try { Directory.Delete(_base, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The same engine running runc: the reference the built-in OCI runtime is held to.</summary>
public sealed class RuncEngineFixture() : EngineFixture("/usr/sbin/runc");
