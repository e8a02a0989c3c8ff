using System.Net;
using Platform.Networking.DataPlane;
using Platform.Networking.Ports;

namespace Platform.Networking.Sandboxes;

/// <summary>
/// At startup, after the networks' bridges are ensured: running containers keep their namespaces and veths (the
/// kernel holds them), so only what lived in this process comes back — published ports on the same host ports,
/// and DNS names. Sandboxes whose namespace is gone (the host lost /run) are closed; namespaces nobody owns go.
/// </summary>
public sealed class SandboxRecovery(SandboxStreams sandboxes, SandboxManager manager, ISandboxDataPlane dataPlane, PortPublisher ports,
    ILogger<SandboxRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var live = sandboxes.AllLive();
        foreach (var sandbox in live)
        {
            if (!File.Exists(sandbox.Path))
            {
                logger.LogInformation("Sandbox of container {ContainerId} lost its namespace; closing it", sandbox.ContainerId);
                await manager.RemoveAsync(sandbox.ContainerId, ct);
                continue;
            }
            await manager.RestoreNamesAsync(sandbox);
            await RepublishAsync(sandbox, ct);
        }
        var owned = live.Select(s => s.ContainerId).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in dataPlane.ListSandboxes().Where(id => !owned.Contains(id)))
            await dataPlane.RemoveSandboxAsync(orphan, ct);
    }

    async Task RepublishAsync(SandboxState sandbox, CancellationToken ct)
    {
        if (sandbox.RequestedPorts.Count == 0 || sandbox.Endpoints.Count == 0) return;
        var target = IPAddress.Parse(sandbox.Endpoints[0].Address);
        var requests = sandbox.RequestedPorts.Select(r => new PortRequest(r.Protocol, r.HostIp,
            sandbox.Ports.FirstOrDefault(p => p.Protocol == r.Protocol && p.ContainerPort == r.ContainerPort
                && (r.HostIp.Length == 0 || p.HostIp == r.HostIp) && (r.HostPort == 0 || p.HostPort == r.HostPort))?.HostPort ?? r.HostPort,
            target, r.ContainerPort)).ToList();
        try
        {
            await ports.PublishAsync(sandbox.ContainerId, requests, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Ports of container {ContainerId} could not be published again: {Error}", sandbox.ContainerId, error.Message);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
