using System.Net.Sockets;

namespace Platform.Gateway.Listeners;

/// <summary>The unix socket's file: made ready before Kestrel binds it, restricted to owner and group after.</summary>
public static class UnixSocketFile
{
    public const UnixFileMode Mode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>Creates the parent directory and removes a stale socket; refuses to take over a live one.</summary>
    public static void Prepare(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!File.Exists(path)) return;
        if (IsListening(path))
            throw new InvalidOperationException($"{path} is already served by another process");
        File.Delete(path);
    }

    /// <summary>0660, as dockerd does: only the owner and the socket's group may talk to the engine.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, Mode);
    }

    static bool IsListening(string path)
    {
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
