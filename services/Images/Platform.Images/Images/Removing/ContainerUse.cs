namespace Platform.Images.Images.Removing;

/// <summary>A container created from an image: removing the image conflicts with it (running: even with force).</summary>
public sealed record ContainerUse(string ContainerId, bool Running);

/// <summary>
/// Which containers use which image on this host. Containers belong to the runtime; until the runtime publishes its
/// containers (and this service keeps a local projection of them), <see cref="NoContainerUsage"/> says none do.
/// This is the hook rmi, prune and the list's Containers count read.
/// </summary>
public interface IImageUsage
{
    /// <summary>Containers by image id, for every image of the host at once (no call per image).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ContainerUse>>> ContainersByImageAsync(string hostId, CancellationToken cancellationToken);
}

public sealed class NoContainerUsage : IImageUsage
{
    static readonly IReadOnlyDictionary<string, IReadOnlyList<ContainerUse>> None = new Dictionary<string, IReadOnlyList<ContainerUse>>();

    public Task<IReadOnlyDictionary<string, IReadOnlyList<ContainerUse>>> ContainersByImageAsync(string hostId, CancellationToken cancellationToken) =>
        Task.FromResult(None);
}

public static class ImageUsageExtensions
{
    public static IReadOnlyList<ContainerUse> Of(this IReadOnlyDictionary<string, IReadOnlyList<ContainerUse>> usage, string imageId) =>
        usage.TryGetValue(imageId, out var containers) ? containers : [];
}
