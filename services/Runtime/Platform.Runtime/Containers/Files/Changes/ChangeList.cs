namespace Platform.Runtime.Containers.Files.Changes;

/// <summary>Changes in walk order, with moby's rule that an added or deleted entry makes its parent a change too.</summary>
sealed class ChangeList
{
    readonly List<ContainerChange> _changes = [];
    readonly HashSet<string> _recorded = new(StringComparer.Ordinal);

    public List<ContainerChange> Changes => _changes;
    public int Count => _changes.Count;
    public bool Contains(string path) => _recorded.Contains(path);

    public void Add(string path, int kind, bool markParent = true)
    {
        if (markParent && kind is ContainerChange.Added or ContainerChange.Deleted)
        {
            var parent = path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "/";
            if (parent != "/" && _recorded.Add(parent)) _changes.Add(new ContainerChange(parent, ContainerChange.Modified));
        }
        if (_recorded.Add(path)) _changes.Add(new ContainerChange(path, kind));
    }

    /// <summary>Puts a directory's change before the entries recorded inside it since <paramref name="index"/>.</summary>
    public void InsertDirectory(int index, string path)
    {
        if (_recorded.Add(path)) _changes.Insert(index, new ContainerChange(path, ContainerChange.Modified));
    }
}
