namespace Platform.Images.DockerApi;

public enum ImageOperation
{
    List,
    Create,
    Load,
    Prune,
    SaveMany,
    Search,
    Inspect,
    History,
    Tag,
    Push,
    SaveOne,
    Remove,
}

/// <summary>An /images request: the operation and the image name it names (names keep their "/", ":" and "@").</summary>
public sealed record ImageRoute(ImageOperation Operation, string? Name = null)
{
    /// <summary>
    /// Matches the path after "/images/" the way moby's router does: fixed routes first, then {name} taken greedily
    /// up to the final fixed suffix, so "localhost:5000/app@sha256:…/json" inspects "localhost:5000/app@sha256:…".
    /// Null when nothing matches (404 page not found).
    /// </summary>
    public static ImageRoute? Match(string method, string path) => (method.ToUpperInvariant(), path) switch
    {
        ("GET", "json") => new(ImageOperation.List),
        ("GET", "get") => new(ImageOperation.SaveMany),
        ("GET", "search") => new(ImageOperation.Search),
        ("POST", "create") => new(ImageOperation.Create),
        ("POST", "load") => new(ImageOperation.Load),
        ("POST", "prune") => new(ImageOperation.Prune),
        ("GET", _) => Suffixed(path, ("/json", ImageOperation.Inspect), ("/history", ImageOperation.History), ("/get", ImageOperation.SaveOne)),
        ("POST", _) => Suffixed(path, ("/tag", ImageOperation.Tag), ("/push", ImageOperation.Push)),
        ("DELETE", _) when path.Length > 0 => new(ImageOperation.Remove, path),
        _ => null,
    };

    static ImageRoute? Suffixed(string path, params (string Suffix, ImageOperation Operation)[] routes)
    {
        foreach (var (suffix, operation) in routes)
            if (path.Length > suffix.Length && path.EndsWith(suffix, StringComparison.Ordinal))
                return new ImageRoute(operation, path[..^suffix.Length]);
        return null;
    }
}
