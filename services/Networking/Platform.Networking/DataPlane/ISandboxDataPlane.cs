namespace Platform.Networking.DataPlane;

/// <summary>
/// Network namespaces of containers (sandboxes) and their endpoints: a veth pair with one end in the sandbox
/// (renamed to eth0, eth1…) and the other enslaved to the network's bridge. Idempotent, like the network calls.
/// </summary>
public interface ISandboxDataPlane
{
    /// <summary>A new network namespace, bind-mounted at the returned path, with loopback up.</summary>
    Task<string> CreateSandboxAsync(string sandboxId, CancellationToken ct);

    /// <summary>Unmounts and deletes the namespace; the veths in it go with it.</summary>
    Task RemoveSandboxAsync(string sandboxId, CancellationToken ct);

    Task AttachAsync(EndpointPlan plan, CancellationToken ct);

    Task DetachAsync(EndpointPlan plan, CancellationToken ct);

    /// <summary>Sandbox ids that have a namespace file now (leftovers after a crash are removed against this).</summary>
    IReadOnlyList<string> ListSandboxes();
}

/// <param name="SandboxPath">The namespace file <see cref="ISandboxDataPlane.CreateSandboxAsync"/> returned.</param>
/// <param name="HostInterface">The host end's name (at most 15 characters), for example veth1a2b3c4.</param>
/// <param name="ContainerInterface">The name inside the sandbox, eth0 for the first network.</param>
/// <param name="Address">CIDR of the endpoint, for example 172.18.0.2/16.</param>
/// <param name="MacAddress">02:42:… as Docker derives it from the address.</param>
/// <param name="Gateway">When set, the sandbox's default route goes through it (the first network's endpoint).</param>
public sealed record EndpointPlan(
    string SandboxPath, string Bridge, string HostInterface, string ContainerInterface,
    string Address, string MacAddress, string? Gateway, int Mtu = 1500);
