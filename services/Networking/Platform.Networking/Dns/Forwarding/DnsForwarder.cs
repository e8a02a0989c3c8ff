using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Dns.Forwarding;

/// <summary>
/// Sends a query as it came to the configured upstream servers in turn, each from a fresh socket (a random source
/// port) with its own deadline, and returns the first reply that answers it (same id, QR set), or null.
/// </summary>
sealed class DnsForwarder(IReadOnlyList<IPEndPoint> upstreams, TimeSpan timeout)
{
    public bool Enabled => upstreams.Count > 0;

    public async Task<byte[]?> ForwardAsync(ReadOnlyMemory<byte> query, CancellationToken cancellationToken)
    {
        foreach (var upstream in upstreams)
        {
            using var socket = new Socket(upstream.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await socket.ConnectAsync(upstream, deadline.Token);
                await socket.SendAsync(query, SocketFlags.None, deadline.Token);
                var buffer = new byte[ushort.MaxValue];
                while (true)
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
                    if (Answers(query.Span, buffer.AsSpan(0, read))) return buffer[..read];
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { } // timed out: next
            catch (SocketException) { } // refused or unreachable: next
        }
        return null;
    }

    static bool Answers(ReadOnlySpan<byte> query, ReadOnlySpan<byte> reply) =>
        reply.Length >= 12 && (reply[2] & 0x80) != 0 &&
        BinaryPrimitives.ReadUInt16BigEndian(reply) == BinaryPrimitives.ReadUInt16BigEndian(query);
}
