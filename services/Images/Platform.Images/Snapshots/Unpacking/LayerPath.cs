namespace Platform.Images.Snapshots.Unpacking;

/// <summary>
/// A tar entry name made relative and clean: <c>./a//b/</c> is <c>a/b</c>; a <c>..</c> that stays inside is folded
/// (<c>a/../b</c> is <c>b</c>). Absolute names and names that climb above the root are unsafe.
/// </summary>
internal static class LayerPath
{
    /// <summary>The components of <paramref name="name"/>; empty for the root itself.</summary>
    public static string[] Normalize(string name, string entryForErrors)
    {
        if (name.Length == 0) throw new LayerFormatException("tar entry with an empty name");
        if (name[0] == '/') throw new UnsafeLayerException(entryForErrors, "absolute path");
        if (name.Contains('\0')) throw new UnsafeLayerException(entryForErrors, "NUL in path");
        var parts = new List<string>();
        foreach (var part in name.Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0) throw new UnsafeLayerException(entryForErrors, "path climbs out of the layer root");
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                default:
                    parts.Add(part);
                    continue;
            }
        }
        return [.. parts];
    }

    public static string Join(IEnumerable<string> parts) => string.Join('/', parts);
}
