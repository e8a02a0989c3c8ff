using System.Collections.Immutable;

namespace Platform.Runtime.Volumes;

/// <summary>Every volume on this host: an immutable state evolved by the journaled events, nothing else.</summary>
public sealed record VolumeSet(string Directory, ImmutableDictionary<string, Volume> Volumes)
{
    public static VolumeSet Empty(string directory) =>
        new(directory, ImmutableDictionary.Create<string, Volume>(StringComparer.Ordinal));

    public VolumeSet Apply(VolumeCreated e) => this with
    {
        Volumes = Volumes.SetItem(e.Name,
            new Volume(e.Name, e.Driver, MountpointOf(e.Name), e.Labels, e.Options, e.Anonymous, e.CreatedAt)),
    };

    public VolumeSet Apply(VolumeRemoved e) => this with { Volumes = Volumes.Remove(e.Name) };

    /// <summary>The directory that holds a volume: its metadata-free root, with the data in _data below it.</summary>
    public string RootOf(string name) => Path.Combine(Directory, name);

    public string MountpointOf(string name) => Path.Combine(Directory, name, "_data");
}
