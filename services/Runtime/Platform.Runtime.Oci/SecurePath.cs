namespace Platform.Runtime.Oci;

/// <summary>
/// Resolves a path inside a root filesystem as the container would see it: symlinks are followed relative to the root
/// and ".." stops at it, so an image's symlink can never send a mount outside its rootfs.
/// </summary>
static class SecurePath
{
    const int MaxLinks = 255;

    public static string Join(string root, string path)
    {
        var pending = new LinkedList<string>(Split(path));
        var resolved = new List<string>();
        var links = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            var part = first.Value;
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            var candidate = Combine(root, resolved, part);
            var target = LinkTarget(candidate);
            if (target is null)
            {
                resolved.Add(part);
                continue;
            }
            if (++links > MaxLinks) throw new OciException($"too many levels of symbolic links in {path}");
            if (target.StartsWith('/')) resolved.Clear();
            var parts = Split(target);
            for (var i = parts.Length - 1; i >= 0; i--) pending.AddFirst(parts[i]);
        }
        return Combine(root, resolved, null);
    }

    static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    static string Combine(string root, List<string> parts, string? last)
    {
        var all = last is null ? parts : [.. parts, last];
        return all.Count == 0 ? root : root.TrimEnd('/') + "/" + string.Join('/', all);
    }

    static string? LinkTarget(string path)
    {
        try { return new FileInfo(path).LinkTarget; }
        catch (IOException) { return null; }
    }
}
