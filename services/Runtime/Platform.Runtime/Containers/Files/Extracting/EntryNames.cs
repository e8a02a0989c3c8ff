using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Files.Extracting;

/// <summary>
/// Tar entry names and link targets checked as moby's Unpack checks them: a name is relative to the extraction
/// directory (a leading "/" is dropped) and must stay inside it after cleaning; so must a hard link's target and a
/// relative symlink's target; an absolute symlink target is the container's business (it resolves inside the root).
/// </summary>
public static class EntryNames
{
    /// <summary>The cleaned name below the extraction directory, "" for the directory itself.</summary>
    public static string Inside(string name, string destination) =>
        Relative(name) ?? throw DockerApiException.BadRequest($"invalid tar entry: \"{name}\" is outside of \"{destination}\"");

    public static string HardLinkTarget(string name, string target, string destination) =>
        Relative(target) is { Length: > 0 } inside ? inside
            : throw DockerApiException.BadRequest($"invalid hardlink \"{name}\" -> \"{target}\": outside of \"{destination}\"");

    public static void CheckSymlink(string name, string target, string destination)
    {
        if (target.StartsWith('/')) return;
        var directory = name.Contains('/') ? name[..name.LastIndexOf('/')] : "";
        if (Relative(directory + "/" + target) is null)
            throw DockerApiException.BadRequest($"invalid symlink \"{name}\" -> \"{target}\": outside of \"{destination}\"");
    }

    /// <summary>Cleaned relative path, or null when ".." climbs above the start.</summary>
    static string? Relative(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part != "..") parts.Add(part);
            else if (parts.Count == 0) return null;
            else parts.RemoveAt(parts.Count - 1);
        }
        return string.Join('/', parts);
    }
}
