using System.Collections.Concurrent;

namespace Platform.Runtime.Containers.Exec;

/// <summary>Exec instances of this host's containers, in memory as in Docker (they do not outlive their container).</summary>
public sealed class ExecStore
{
    readonly ConcurrentDictionary<string, ExecInstance> _execs = new(StringComparer.Ordinal);

    public void Add(ExecInstance exec) => _execs[exec.Id] = exec;

    public ExecInstance Get(string id) =>
        _execs.GetValueOrDefault(id) ?? throw ServiceDefaults.DockerApi.DockerApiException.NotFound($"No such exec instance: {id}");

    public IReadOnlyList<string> IdsOf(string containerId) =>
        _execs.Values.Where(e => e.ContainerId == containerId).OrderBy(e => e.CreatedAt).Select(e => e.Id).ToList();

    public void RemoveContainer(string containerId)
    {
        foreach (var exec in _execs.Values.Where(e => e.ContainerId == containerId).ToList()) _execs.TryRemove(exec.Id, out _);
    }
}
