using System.Collections.Concurrent;
using Platform.Networking.DataPlane.Native;
using Platform.Networking.DataPlane.Netlink;

namespace Platform.Networking.DataPlane.Namespaces;

/// <summary>
/// Sandbox namespaces pinned as files, and one netlink socket per namespace, opened from inside it once and kept
/// until the sandbox goes (a socket keeps its namespace alive, so removal closes it first).
/// </summary>
internal sealed class SandboxNamespaces(NetnsDirectory directory, NamespacePool pool, NamespaceThread thread) : IDisposable
{
    readonly ConcurrentDictionary<string, NetlinkSocket> _sockets = new();

    public NetnsDirectory Directory => directory;

    public async Task<string> CreateAsync(string sandboxId)
    {
        var pin = directory.PinOf(sandboxId);
        if (NetnsDirectory.IsPinned(pin)) return pin;
        if (_sockets.TryRemove(pin, out var stale)) stale.Dispose();
        Libc.Close((int)Libc.Check(Libc.Open(pin, Libc.ORdOnly | Libc.OCloexec | Libc.OCreat, 0), "open", pin));
        var fresh = await pool.TakeAsync();
        try
        {
            Remember(pin, fresh.PinAt(pin));
            return pin;
        }
        catch
        {
            fresh.Dispose();
            Unpin(pin);
            throw;
        }
    }

    /// <summary>A netlink socket inside the namespace pinned at <paramref name="pin"/>.</summary>
    public async Task<NetlinkSocket> SocketAsync(string pin)
    {
        if (_sockets.TryGetValue(pin, out var cached)) return cached;
        var fd = (int)Libc.Check(Libc.Open(pin, Libc.ORdOnly | Libc.OCloexec, 0), "open", pin);
        try { return Remember(pin, NetlinkSocket.Adopt(await thread.OpenSocketInAsync(fd))); }
        finally { Libc.Close(fd); }
    }

    public void Remove(string sandboxId) => Unpin(directory.PinOf(sandboxId));

    void Unpin(string pin)
    {
        if (_sockets.TryRemove(pin, out var socket)) socket.Dispose();
        if (Libc.Umount2(pin, Libc.MntDetach) != 0 && Libc.Errno is not (Errno.EINVAL or Errno.ENOENT))
            throw new SystemCallException("umount", pin, Libc.Errno);
        File.Delete(pin);
    }

    NetlinkSocket Remember(string pin, NetlinkSocket socket)
    {
        var kept = _sockets.GetOrAdd(pin, socket);
        if (kept != socket) socket.Dispose();
        return kept;
    }

    public void Dispose()
    {
        foreach (var pin in _sockets.Keys)
            if (_sockets.TryRemove(pin, out var socket)) socket.Dispose();
    }
}
