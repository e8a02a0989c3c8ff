using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Ports.Tcp;

/// <summary>
/// One forwarded connection: connects to the container (closing the client if that fails or times out), then
/// copies both ways. When one side ends its output the other side's output is shut down (half-close); an error in
/// either direction closes both. A copy buffer is rented only while data is waiting, so idle connections hold none.
/// </summary>
sealed class TcpSplice(Socket client, IPEndPoint target, int bufferSize) : IDisposable
{
    readonly Socket upstream = new(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);

    public async Task RunAsync(TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(connectTimeout);
            await upstream.ConnectAsync(target, timeout.Token);
        }
        client.NoDelay = upstream.NoDelay = true;
        await Task.WhenAll(CopyAsync(client, upstream), CopyAsync(upstream, client));
    }

    async Task CopyAsync(Socket from, Socket to)
    {
        try
        {
            do await from.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None); // readable: data or end of stream
            while (await MoveAvailableAsync(from, to));
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { Dispose(); }
    }

    /// <summary>Moves what is readable now; false at end of stream.</summary>
    async Task<bool> MoveAvailableAsync(Socket from, Socket to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            do
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0) return false;
                for (var sent = 0; sent < read;) sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None);
            } while (from.Available > 0);
            return true;
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>Ends both connections in an orderly way (FIN, not a reset) and wakes the copies so they finish.</summary>
    public void Close()
    {
        foreach (var socket in (Socket[])[client, upstream])
            try { socket.Shutdown(SocketShutdown.Both); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    public void Dispose()
    {
        client.Dispose();
        upstream.Dispose();
    }
}
