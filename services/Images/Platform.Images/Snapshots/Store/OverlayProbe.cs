using Platform.Images.Snapshots.Native;

namespace Platform.Images.Snapshots.Store;

/// <summary>
/// Whether overlayfs works on the filesystem holding the snapshots: mounts a real two-layer overlay in a scratch
/// directory there (a whiteout device in the upper lower hiding a file of the bottom one, as layers will), checks the
/// merged view, and unmounts. The mount is always undone, even when the check throws.
/// </summary>
internal static class OverlayProbe
{
    /// <summary>Null when overlay works, otherwise why not.</summary>
    public static string? Run(string scratchParent)
    {
        var scratch = Path.Combine(scratchParent, "probe-" + Guid.NewGuid().ToString("N"));
        string Sub(string name) => Directory.CreateDirectory(Path.Combine(scratch, name)).FullName;
        var mounted = false;
        var merged = "";
        try
        {
            string bottom = Sub("bottom"), top = Sub("top"), upper = Sub("upper"), work = Sub("work");
            merged = Sub("merged");
            File.WriteAllText(Path.Combine(bottom, "hidden"), "");
            File.WriteAllText(Path.Combine(bottom, "kept"), "");
            Libc.Check(Libc.Mknod(Path.Combine(top, "hidden"), Libc.SIfChr, 0), "mknod", top);
            var data = $"lowerdir={top}:{bottom},upperdir={upper},workdir={work}";
            if (Libc.Mount("overlay", merged, "overlay", 0, data) != 0)
                return $"mount -t overlay failed: {Libc.Error("mount", merged, Libc.Errno).Message}";
            mounted = true;
            if (File.Exists(Path.Combine(merged, "hidden")) || !File.Exists(Path.Combine(merged, "kept")))
                return "overlay mounted but whiteouts are not honoured (backing filesystem without d_type?)";
            return null;
        }
        catch (IOException e)
        {
            return e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            return e.Message;
        }
        finally
        {
            if (mounted && Libc.Umount2(merged, 0) != 0) Libc.Umount2(merged, Libc.MntDetach);
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
    }
}
