using Marten;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.Sandboxes;

public sealed partial class SandboxManager
{
    /// <summary>Tears a container's sandbox down (ports, endpoints, namespace). Nothing to do when it has none.</summary>
    public async Task RemoveAsync(string containerId, CancellationToken ct)
    {
        var id = SandboxState.StreamKey(containerId);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<SandboxState>(id, ct);
        await ports.UnpublishAsync(containerId);
        if (stream.Aggregate is { Live: true } sandbox)
            foreach (var endpoint in sandbox.Endpoints) await DetachQuietlyAsync(sandbox.Path, endpoint);
        await dataPlane.RemoveSandboxAsync(containerId, CancellationToken.None);
        if (stream.Aggregate is not { Live: true }) return;
        stream.AppendOne(new SandboxRemoved(id, time.GetUtcNow()));
        await session.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>docker network connect on a running container: one more endpoint in its namespace.</summary>
    public async Task<SandboxEndpoint> ConnectAsync(string containerId, SandboxNetworkRequest network, CancellationToken ct)
    {
        var id = SandboxState.StreamKey(containerId);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<SandboxState>(id, ct);
        if (stream.Aggregate is not { Live: true } sandbox) throw DockerApiException.NotFound($"container {containerId} has no network sandbox");
        var attachment = await AttachAsync(containerId, sandbox.ContainerName, sandbox.Path, network, sandbox.Endpoints, ct);
        stream.AppendOne(new SandboxEndpointAttached(id, attachment, time.GetUtcNow()));
        await session.SaveChangesAsync(CancellationToken.None);
        return Describe(attachment);
    }

    /// <summary>docker network disconnect on a running container: its endpoint on that network (by name or id) goes.</summary>
    public async Task DisconnectAsync(string containerId, string network, CancellationToken ct)
    {
        var id = SandboxState.StreamKey(containerId);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<SandboxState>(id, ct);
        if (stream.Aggregate is not { Live: true } sandbox) throw DockerApiException.NotFound($"container {containerId} has no network sandbox");
        var endpoint = sandbox.Endpoints.FirstOrDefault(e => e.Network == network || e.NetworkId == network)
            ?? throw DockerApiException.Forbidden($"container {containerId} is not connected to network {network}");
        await DetachQuietlyAsync(sandbox.Path, endpoint);
        stream.AppendOne(new SandboxEndpointDetached(id, endpoint.EndpointId, time.GetUtcNow()));
        await session.SaveChangesAsync(CancellationToken.None);
    }
}
