using Platform.ServiceDefaults.Concurrency;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.Sandboxes;

public sealed partial class SandboxManager
{
    /// <summary>Tears a container's sandbox down (ports, endpoints, namespace). Nothing to do when it has none.</summary>
    public async Task RemoveAsync(string containerId, CancellationToken ct)
    {
        using var turn = await _containers.AcquireAsync(containerId, ct);
        await RemoveInTurnAsync(containerId);
    }

    async Task RemoveInTurnAsync(string containerId)
    {
        var sandbox = sandboxes.Live(containerId);
        await ports.UnpublishAsync(containerId);
        if (sandbox is not null)
            foreach (var endpoint in sandbox.Endpoints) await DetachQuietlyAsync(sandbox.Path, endpoint, withSandbox: true);
        await dataPlane.RemoveSandboxAsync(containerId, CancellationToken.None);
        if (sandbox is null) return;
        await sandboxes.WriteAsync(containerId, current =>
            current is { Live: true } ? [new SandboxRemoved(SandboxState.StreamKey(containerId), time.GetUtcNow())] : []);
    }

    /// <summary>docker network connect on a running container: one more endpoint in its namespace.</summary>
    public async Task<SandboxEndpoint> ConnectAsync(string containerId, SandboxNetworkRequest network, CancellationToken ct)
    {
        using var turn = await _containers.AcquireAsync(containerId, ct);
        var sandbox = sandboxes.Live(containerId) ?? throw DockerApiException.NotFound($"container {containerId} has no network sandbox");
        var attachment = await AttachAsync(containerId, sandbox.ContainerName, sandbox.Path, network, sandbox.Endpoints, ct);
        await sandboxes.WriteAsync(containerId, _ => [new SandboxEndpointAttached(sandbox.Id, attachment, time.GetUtcNow())]);
        return Describe(attachment);
    }

    /// <summary>docker network disconnect on a running container: its endpoint on that network (by name or id) goes.</summary>
    public async Task DisconnectAsync(string containerId, string network, CancellationToken ct)
    {
        using var turn = await _containers.AcquireAsync(containerId, ct);
        var sandbox = sandboxes.Live(containerId) ?? throw DockerApiException.NotFound($"container {containerId} has no network sandbox");
        var endpoint = sandbox.Endpoints.FirstOrDefault(e => e.Network == network || e.NetworkId == network)
            ?? throw DockerApiException.Forbidden($"container {containerId} is not connected to network {network}");
        await DetachQuietlyAsync(sandbox.Path, endpoint);
        await sandboxes.WriteAsync(containerId, _ => [new SandboxEndpointDetached(sandbox.Id, endpoint.EndpointId, time.GetUtcNow())]);
    }
}
