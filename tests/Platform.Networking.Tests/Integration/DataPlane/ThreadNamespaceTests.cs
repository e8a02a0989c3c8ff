using Xunit;

namespace Platform.Networking.Tests.Integration.DataPlane;

/// <summary>Only the data plane's own thread ever visits a sandbox, and it always comes back.</summary>
public sealed class ThreadNamespaceTests : IAsyncLifetime
{
    readonly DataPlaneHarness _plane = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _plane.DisposeAsync().AsTask();

    [Fact]
    public async Task Every_thread_of_the_process_is_in_the_host_namespace_after_sandboxes_come_and_go()
    {
        var host = File.ResolveLinkTarget("/proc/thread-self/ns/net", false)!.LinkTarget;
        var network = await _plane.NetworkAsync();
        var containers = await Task.WhenAll(Enumerable.Range(2, 12).Select(i => _plane.ContainerAsync(network, i)));
        foreach (var container in containers.Take(6)) await _plane.Sandboxes.RemoveSandboxAsync(container.Id, default);
        await Task.Delay(200); // let any pool refill settle

        var elsewhere = Directory.EnumerateDirectories("/proc/self/task")
            .Select(task => (Task: Path.GetFileName(task), Namespace: NamespaceOf(task)))
            .Where(t => t.Namespace is not null && t.Namespace != host)
            .ToList();
        Assert.Empty(elsewhere);
    }

    static string? NamespaceOf(string task)
    {
        try { return File.ResolveLinkTarget(Path.Combine(task, "ns", "net"), false)?.LinkTarget; }
        catch (IOException) { return null; } // the thread ended meanwhile
    }
}
