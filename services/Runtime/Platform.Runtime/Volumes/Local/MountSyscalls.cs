using System.Runtime.InteropServices;

namespace Platform.Runtime.Volumes.Local;

/// <summary>mount(2) and umount2(2), and whether a path is a mount point (from /proc/self/mountinfo).</summary>
public static class MountSyscalls
{
    const int Detach = 0x2;

    public static void Mount(string source, string target, string? type, ulong flags, string? data)
    {
        if (mount(source, target, type, flags, string.IsNullOrEmpty(data) ? null : data) != 0)
            throw new IOException($"mount {source}:{target}, flags: 0x{flags:x}, data: {data}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// <summary>Lazy unmount, so a busy mount goes once its last user leaves; a path not mounted is not an error.</summary>
    public static void Unmount(string target)
    {
        if (umount2(target, Detach) != 0 && IsMountPoint(target))
            throw new IOException($"unmount {target}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    public static bool IsMountPoint(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd('/');
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            // id parent major:minor root mountpoint …; the mount point escapes space, tab, newline and backslash as \ooo.
            var fields = line.Split(' ');
            if (fields.Length > 4 && Unescape(fields[4]) == full) return true;
        }
        return false;
    }

    static string Unescape(string field) =>
        System.Text.RegularExpressions.Regex.Replace(field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());

    [DllImport("libc", SetLastError = true)]
    static extern int mount(string source, string target, string? type, ulong flags, string? data);

    [DllImport("libc", SetLastError = true)]
    static extern int umount2(string target, int flags);
}
