using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Ports.Tcp;

/// <summary>
/// Accepts on one published TCP socket and splices each connection to the container's address. Disposing closes
/// the listener and every live connection.
/// </summary>
sealed class TcpForwarder : IAsyncDisposable
{
    readonly Socket listener;
    readonly IPEndPoint target;
    readonly PortPublisherOptions options;
    readonly ILogger logger;
    readonly CancellationTokenSource stop = new();
    readonly ConcurrentDictionary<TcpSplice, Task> live = new();
    readonly Task accepting;

    public TcpForwarder(Socket listener, IPEndPoint target, PortPublisherOptions options, ILogger logger)
    {
        (this.listener, this.target, this.options, this.logger) = (listener, target, options, logger);
        accepting = AcceptAsync();
    }

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var client = await listener.AcceptAsync(stop.Token);
                var splice = new TcpSplice(client, target, options.CopyBufferSize);
                live[splice] = Task.CompletedTask; // registered before it can end, so its removal always finds it
                live.TryUpdate(splice, ServeAsync(splice), Task.CompletedTask);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException e)
            {
                logger.LogWarning("Accepting on {Listener} failed: {Error}", listener.LocalEndPoint, e.SocketErrorCode);
                await Task.Delay(TimeSpan.FromMilliseconds(50)); // out of descriptors: back off instead of spinning
            }
        }
    }

    async Task ServeAsync(TcpSplice splice)
    {
        await Task.Yield();
        try { await splice.RunAsync(options.ConnectTimeout, stop.Token); }
        catch (Exception e) { logger.LogDebug("Forwarding to {Target} ended: {Error}", target, e.Message); }
        finally
        {
            splice.Dispose();
            live.TryRemove(splice, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Dispose();
        await accepting;
        foreach (var splice in live.Keys) splice.Close();
        await Task.WhenAll(live.Values);
        stop.Dispose();
    }
}
