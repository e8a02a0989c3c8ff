using System.Net;
using System.Net.Sockets;
using Platform.Networking.Dns.Forwarding;
using Platform.Networking.Dns.Protocol;

namespace Platform.Networking.Dns.Serving;

/// <summary>
/// One UDP socket answering queries. Local answers are written inline; forwarded ones run on their own (at most
/// <see cref="MaxForwarding"/> at once, beyond that SERVFAIL). A malformed packet is dropped, and no failure in
/// one packet ends the loop.
/// </summary>
sealed class DnsListener : IAsyncDisposable
{
    const int MaxForwarding = 100;
    readonly Socket socket;
    readonly IDnsNames names;
    readonly DnsForwarder forwarder;
    readonly ILogger logger;
    readonly SemaphoreSlim forwarding = new(MaxForwarding);
    readonly CancellationTokenSource stop = new();
    readonly Task serving;

    public DnsListener(IPEndPoint endpoint, IDnsNames names, DnsForwarder forwarder, ILogger logger)
    {
        (this.names, this.forwarder, this.logger) = (names, forwarder, logger);
        socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6) socket.DualMode = false;
            socket.Bind(endpoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        serving = ServeAsync();
    }

    async Task ServeAsync()
    {
        var message = new byte[ushort.MaxValue];
        var answer = new byte[DnsResponse.MaxUdpLength];
        EndPoint anyone = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(message, SocketFlags.None, anyone, stop.Token);
                await AnswerAsync(message.AsMemory(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint, answer);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (Exception e) { logger.LogDebug(e, "A DNS query on {Endpoint} failed", socket.LocalEndPoint); }
        }
    }

    async Task AnswerAsync(ReadOnlyMemory<byte> message, IPEndPoint client, byte[] answer)
    {
        if (!DnsQuery.TryParse(message.Span, out var query)) return;
        if (LocalAnswers.TryAnswer(query!, client.Address, names, forwarder.Enabled, answer) is { } length)
            await socket.SendToAsync(answer.AsMemory(0, length), SocketFlags.None, client, stop.Token);
        else
            _ = ForwardAsync(message.ToArray(), query!, client);
    }

    async Task ForwardAsync(byte[] message, DnsQuery query, IPEndPoint client)
    {
        var admitted = forwarding.Wait(0);
        try
        {
            var reply = admitted ? await forwarder.ForwardAsync(message, stop.Token) : null;
            if (reply is null)
            {
                reply = new byte[DnsResponse.MaxUdpLength];
                reply = reply[..LocalAnswers.ServerFailure(query, reply)];
            }
            await socket.SendToAsync(reply, SocketFlags.None, client, stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
        finally
        {
            if (admitted) forwarding.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Dispose();
        await serving;
    }
}
