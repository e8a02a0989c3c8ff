using System.Text;
using Platform.Images.Snapshots.Native;

namespace Platform.Images.Tests.Support;

/// <summary>A directory tree as a user sees it: one line per path with its type and, for files, content.</summary>
internal static class Tree
{
    public static IReadOnlyList<string> Describe(string root) =>
        [.. Walk(root, "").Order(StringComparer.Ordinal)];

    static IEnumerable<string> Walk(string root, string relative)
    {
        var host = relative.Length == 0 ? root : Path.Combine(root, relative);
        foreach (var entry in Directory.EnumerateFileSystemEntries(host))
        {
            var rel = relative.Length == 0 ? Path.GetFileName(entry) : relative + "/" + Path.GetFileName(entry);
            var st = Libc.LStat(entry)!.Value;
            if (st.IsDirectory)
            {
                yield return rel + "/";
                foreach (var child in Walk(root, rel)) yield return child;
            }
            else if (st.IsSymlink) yield return $"{rel} -> {new FileInfo(entry).LinkTarget}";
            else if (st.IsRegular) yield return $"{rel} = {Encoding.UTF8.GetString(File.ReadAllBytes(entry))}";
            else yield return $"{rel} (special {st.Type:x})";
        }
    }

    public static StatxBuffer Stat(string path) => Libc.LStat(path) ?? throw new FileNotFoundException(path);
}
