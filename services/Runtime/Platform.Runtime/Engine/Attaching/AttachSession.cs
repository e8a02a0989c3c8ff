using System.Net.Sockets;

namespace Platform.Runtime.Engine;

/// <summary>
/// A connection to conmon's attach socket: each packet conmon sends is one byte of pipe id (2 stdout, 3 stderr) and
/// the data; what is written here is the container's stdin; a half-close ends stdin (conmon closes it unless the
/// container keeps stdin open). With a TTY there is one stream, reported as stdout.
/// </summary>
public sealed class AttachSession : IAsyncDisposable
{
    const int PacketSize = 8192 + 1;
    readonly Socket _socket;
    readonly byte[] _packet = new byte[PacketSize + 1];
    readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _offset, _length;
    AttachStream _kind;

    internal AttachSession(Socket socket) => _socket = socket;

    /// <summary>Completes when the container's output has ended (conmon closed the socket).</summary>
    public Task Completion => _completion.Task;

    /// <summary>Copies the next output into buffer; Count 0 means the output ended.</summary>
    public async ValueTask<(AttachStream Kind, int Count)> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        while (_offset >= _length)
        {
            int received;
            try { received = await _socket.ReceiveAsync(_packet, SocketFlags.None, ct); }
            catch (SocketException) { received = 0; }
            catch (ObjectDisposedException) { received = 0; }
            if (received == 0)
            {
                _completion.TrySetResult();
                return (AttachStream.Stdout, 0);
            }
            _kind = _packet[0] == 3 ? AttachStream.Stderr : AttachStream.Stdout;
            (_offset, _length) = (1, received);
        }
        var count = Math.Min(buffer.Length, _length - _offset);
        _packet.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return (_kind, count);
    }

    public async ValueTask WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        for (var start = 0; start < data.Length; start += PacketSize - 1)
            await _socket.SendAsync(data.Slice(start, Math.Min(PacketSize - 1, data.Length - start)), SocketFlags.None, ct);
    }

    public ValueTask CloseStdinAsync()
    {
        try { _socket.Shutdown(SocketShutdown.Send); } catch (SocketException) { }
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _completion.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
