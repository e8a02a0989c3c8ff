using Platform.Networking.DataPlane.Native;

namespace Platform.Networking.State.Journal;

/// <summary>fsync of a directory, so a file created or renamed in it survives a power loss along with its data.</summary>
internal static class DirectorySync
{
    public static void Flush(string directory)
    {
        var fd = (int)Libc.Check(Libc.Open(directory, Libc.ORdOnly | Libc.ODirectory | Libc.OCloexec, 0), "open", directory);
        try
        {
            Libc.Check(Libc.Fsync(fd), "fsync", directory);
        }
        finally
        {
            Libc.Close(fd);
        }
    }
}
