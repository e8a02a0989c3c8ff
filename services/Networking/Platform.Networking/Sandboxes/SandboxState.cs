namespace Platform.Networking.Sandboxes;

/// <summary>A sandbox folded from its stream ("sandbox:" + container id), kept as a document for startup recovery.</summary>
public sealed record SandboxState(string Id, string ContainerId, string ContainerName, string Path,
    List<SandboxPortRequest> RequestedPorts, List<SandboxPort> Ports, List<SandboxAttachment> Endpoints,
    DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt)
{
    public bool Live => RemovedAt is null;

    public static string StreamKey(string containerId) => "sandbox:" + containerId;

    public static SandboxState Create(SandboxCreated e) =>
        new(e.SandboxId, e.ContainerId, e.ContainerName, e.Path, e.RequestedPorts, e.Ports, [], e.CreatedAt, null);

    /// <summary>A restart of the container: a new sandbox on the same stream.</summary>
    public SandboxState Apply(SandboxCreated e) => Create(e);

    public SandboxState Apply(SandboxEndpointAttached e) => this with { Endpoints = [.. Endpoints, e.Endpoint] };

    public SandboxState Apply(SandboxEndpointDetached e) =>
        this with { Endpoints = [.. Endpoints.Where(x => x.EndpointId != e.EndpointId)] };

    public SandboxState Apply(SandboxRemoved e) => this with { RemovedAt = e.RemovedAt };
}
