namespace Platform.Networking.DataPlane.Netlink;

/// <summary>The rtnetlink socket of the host namespace, opened on first use from a thread that never leaves it.</summary>
internal sealed class HostNetlink : IDisposable
{
    readonly Lazy<NetlinkSocket> _socket = new(NetlinkSocket.Open);

    public NetlinkSocket Socket => _socket.Value;

    public void Dispose()
    {
        if (_socket.IsValueCreated) _socket.Value.Dispose();
    }
}
