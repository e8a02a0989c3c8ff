using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Platform.ServiceDefaults.Hijack;

/// <summary>
/// A connected stream socket (TCP or unix) as an <see cref="IDuplexPipe"/> with TCP's half-close:
/// <see cref="Input"/> ends when the peer shuts down its write side (FIN), and completing
/// <see cref="Output"/> sends what was written and then shuts down this side's write (the peer reads EOF)
/// while receiving goes on. Completing <see cref="Output"/> with an exception aborts instead.
/// </summary>
public sealed class SocketPipe : IDuplexPipe, IAsyncDisposable
{
    static readonly PipeOptions Options = new(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024,
        useSynchronizationContext: false);

    readonly Pipe _received = new(Options);
    readonly Pipe _toSend = new(Options);
    readonly Task _receiving;
    readonly Task _sending;

    public SocketPipe(Socket socket)
    {
        Socket = socket;
        _receiving = ReceiveLoopAsync();
        _sending = SendLoopAsync();
    }

    public Socket Socket { get; }
    public PipeReader Input => _received.Reader;
    public PipeWriter Output => _toSend.Writer;

    /// <summary>How long <see cref="DisposeAsync"/> waits for written bytes to leave before closing anyway.</summary>
    public TimeSpan LingerTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Connects to a TCP (<see cref="IPEndPoint"/>, <see cref="DnsEndPoint"/>) or unix socket endpoint.</summary>
    public static async Task<SocketPipe> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        var socket = endPoint switch
        {
            UnixDomainSocketEndPoint => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified),
            IPEndPoint ip => new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp),
            _ => new Socket(SocketType.Stream, ProtocolType.Tcp),
        };
        try
        {
            if (socket.ProtocolType == ProtocolType.Tcp) socket.NoDelay = true;
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new SocketPipe(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    async Task ReceiveLoopAsync()
    {
        var writer = _received.Writer;
        Exception? error = null;
        try
        {
            while (true)
            {
                var received = await Socket.ReceiveAsync(writer.GetMemory(16 * 1024), SocketFlags.None);
                if (received == 0) break;   // FIN
                writer.Advance(received);
                var flush = await writer.FlushAsync();
                if (flush.IsCompleted || flush.IsCanceled) break;
            }
        }
        catch (Exception e)
        {
            error = e;   // reset, or disposed while receiving
        }
        await writer.CompleteAsync(error);
    }

    async Task SendLoopAsync()
    {
        var reader = _toSend.Reader;
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                foreach (var segment in result.Buffer)
                    for (var sent = 0; sent < segment.Length;)
                        sent += await Socket.SendAsync(segment[sent..], SocketFlags.None);
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled) break;
            }
            Socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e)
        {
            error = e;   // the writer aborted, or the peer reset
        }
        await reader.CompleteAsync(error);
    }

    public async ValueTask DisposeAsync()
    {
        await _toSend.Writer.CompleteAsync();
        await _received.Reader.CompleteAsync();
        await Task.WhenAny(_sending, Task.Delay(LingerTimeout));   // let written bytes leave, but not forever
        Socket.Dispose();
        await _receiving;
        await _sending;
    }
}
