namespace Platform.Runtime.Volumes;

/// <summary>
/// Which containers reference which volumes, for the whole life of each container (create to rm, running or not),
/// as Docker counts it: a referenced volume is not dangling, is never pruned and cannot be removed. To close the
/// race with a concurrent prune or rm, register a container's volumes before <see cref="VolumeStore.EnsureAsync"/>.
/// </summary>
public sealed class VolumeUsage
{
    readonly Dictionary<string, string[]> _byContainer = new(StringComparer.Ordinal);

    public void Register(string containerId, IEnumerable<string> volumeNames)
    {
        var names = volumeNames.Distinct(StringComparer.Ordinal).ToArray();
        lock (_byContainer) _byContainer[containerId] = names;
    }

    public void Unregister(string containerId)
    {
        lock (_byContainer) _byContainer.Remove(containerId);
    }

    /// <summary>The containers referencing a volume, ordered by id.</summary>
    public IReadOnlyList<string> UsersOf(string volume)
    {
        lock (_byContainer)
            return _byContainer.Where(c => c.Value.Contains(volume, StringComparer.Ordinal)).Select(c => c.Key)
                .Order(StringComparer.Ordinal).ToList();
    }

    public bool IsInUse(string volume) => UsersOf(volume).Count > 0;
}
