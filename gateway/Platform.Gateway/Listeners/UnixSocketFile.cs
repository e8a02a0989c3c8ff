using System.Net.Sockets;

namespace Platform.Gateway.Listeners;

/// <summary>The unix socket's file: made ready before Kestrel binds it, restricted to owner and group after.</summary>
public static class UnixSocketFile
{
    public const UnixFileMode Mode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>Creates the parent directory and removes a stale socket file (one nobody listens on).</summary>
    public static void Prepare(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (File.Exists(path) && !IsServed(path)) File.Delete(path);
    }

    /// <summary>0660, as dockerd does: only the owner and the socket's group may talk to the engine.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, Mode);
    }

    /// <summary>Another process accepts connections on this socket (a second gateway must not steal it).</summary>
    public static bool IsServed(string path)
    {
        if (!File.Exists(path)) return false;
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
