using System.Net;
using Platform.Networking.Ports.Binding;
using Platform.Networking.Ports.Tcp;
using Platform.Networking.Ports.Udp;

namespace Platform.Networking.Ports;

/// <summary>
/// Publishes container ports on the host with a userland proxy inside this service: every binding is a socket
/// here that forwards to the container's address. A call is all-or-nothing: when one request cannot bind, what the
/// call already bound is closed and the error (Docker's status and wording) is thrown.
/// </summary>
public sealed class PortPublisher(PortPublisherOptions options, ILogger<PortPublisher> logger) : IAsyncDisposable
{
    readonly SemaphoreSlim binding = new(1, 1);
    readonly HostBinder binder = new(options);
    readonly Dictionary<string, List<IAsyncDisposable>> forwarders = new();

    public async Task<IReadOnlyList<PublishedPort>> PublishAsync(string ownerId, IReadOnlyList<PortRequest> requests, CancellationToken cancellationToken)
    {
        var bound = new List<BoundListener>();
        await binding.WaitAsync(cancellationToken);
        try
        {
            foreach (var request in requests)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bound.AddRange(binder.Bind(request));
            }
        }
        catch
        {
            foreach (var listener in bound) listener.Socket.Dispose();
            throw;
        }
        finally { binding.Release(); }

        var started = bound.Select(Forward).ToList();
        lock (forwarders)
        {
            if (forwarders.TryGetValue(ownerId, out var existing)) existing.AddRange(started);
            else forwarders[ownerId] = started;
        }
        logger.LogInformation("Published {Ports} for {Owner}", string.Join(", ", bound.Select(b => Describe(b.Published))), ownerId);
        return bound.Select(b => b.Published).ToList();
    }

    /// <summary>Closes the owner's published sockets and every connection through them; unknown owners are a no-op.</summary>
    public async Task UnpublishAsync(string ownerId)
    {
        List<IAsyncDisposable>? owned;
        lock (forwarders)
            if (forwarders.Remove(ownerId, out owned) is false) return;
        foreach (var forwarder in owned) await forwarder.DisposeAsync();
        logger.LogInformation("Unpublished the ports of {Owner}", ownerId);
    }

    IAsyncDisposable Forward(BoundListener listener)
    {
        var target = new IPEndPoint(listener.Request.Target, listener.Request.TargetPort);
        return listener.Request.Protocol == "udp"
            ? new UdpForwarder(listener.Socket, target, options)
            : new TcpForwarder(listener.Socket, target, options, logger);
    }

    static string Describe(PublishedPort port) =>
        $"{new IPEndPoint(IPAddress.Parse(port.HostIp), port.HostPort)}->{port.TargetPort}/{port.Protocol}";

    public async ValueTask DisposeAsync()
    {
        string[] owners;
        lock (forwarders) owners = [.. forwarders.Keys];
        foreach (var owner in owners) await UnpublishAsync(owner);
        binding.Dispose();
    }
}
