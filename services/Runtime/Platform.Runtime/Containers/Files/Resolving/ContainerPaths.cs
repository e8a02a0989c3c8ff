namespace Platform.Runtime.Containers.Files.Resolving;

/// <summary>Container paths as moby's archive code reads them (filepath.Join("/", p), with a trailing "/." or "/" kept).</summary>
public static class ContainerPaths
{
    /// <summary>"/" + the cleaned path: ".." never climbs above the root.</summary>
    public static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>The path asks for what a symlink at its end points to ("dir/", "dir/."), as PreserveTrailingDotOrSeparator keeps it.</summary>
    public static bool FollowsLast(string path) => path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal) || path == ".";

    /// <summary>Content only: "dir/." copies what is in dir, not dir itself.</summary>
    public static bool MeansContent(string path) => path.EndsWith("/.", StringComparison.Ordinal) || path == ".";

    /// <summary>filepath.Base of the absolute path with its trailing dot kept: "/a/b/" → "b", "/a/." → ".", "/" → "/".</summary>
    public static string BaseName(string path)
    {
        if (MeansContent(path)) return ".";
        var clean = Clean(path);
        return clean == "/" ? "/" : clean[(clean.LastIndexOf('/') + 1)..];
    }

    public static string Join(string directory, string name) => directory == "/" ? "/" + name : directory + "/" + name;

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or below it (both clean).</summary>
    public static bool IsWithin(string path, string directory) =>
        directory == "/" || path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
}
