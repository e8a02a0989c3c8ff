using System.Collections.Concurrent;
using Platform.Networking.DataPlane;

namespace Platform.Networking.Tests.Integration.LocalState;

/// <summary>
/// Sandboxes without the kernel: a namespace is a plain file (so recovery finds it), endpoints are recorded. Its
/// directory goes when the test disposes it.
/// </summary>
public sealed class RecordingSandboxDataPlane : ISandboxDataPlane, IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("platform-networking-sandboxes-").FullName;
    readonly ConcurrentQueue<(string Call, EndpointPlan Plan)> _endpoints = new();

    public IReadOnlyList<(string Call, EndpointPlan Plan)> Endpoints => [.. _endpoints];

    public Task<string> CreateSandboxAsync(string sandboxId, CancellationToken ct)
    {
        var path = Path.Combine(_directory, sandboxId);
        File.WriteAllText(path, "");
        return Task.FromResult(path);
    }

    public Task RemoveSandboxAsync(string sandboxId, CancellationToken ct)
    {
        File.Delete(Path.Combine(_directory, sandboxId));
        return Task.CompletedTask;
    }

    public Task AttachAsync(EndpointPlan plan, CancellationToken ct)
    {
        _endpoints.Enqueue(("attach", plan));
        return Task.CompletedTask;
    }

    public Task DetachAsync(EndpointPlan plan, CancellationToken ct)
    {
        _endpoints.Enqueue(("detach", plan));
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> ListSandboxes() => [.. Directory.EnumerateFiles(_directory).Select(f => Path.GetFileName(f)!)];

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
