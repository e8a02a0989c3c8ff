using System.Net;
using Platform.Networking.Dns.Forwarding;
using Platform.Networking.Dns.Serving;

namespace Platform.Networking.Dns;

/// <summary>
/// The embedded DNS server of user-defined networks: one UDP listener per address it is asked to serve (typically a
/// network's gateway), answering container names from <see cref="IDnsNames"/> by who is asking.
/// </summary>
public sealed class ContainerDns(IDnsNames names, ContainerDnsOptions options, ILogger<ContainerDns> logger) : IAsyncDisposable
{
    readonly DnsForwarder forwarder = new(options.Upstream, options.ForwardTimeout);
    readonly Dictionary<IPAddress, DnsListener> listeners = new();

    /// <summary>Binds the address (a second call for it is a no-op); a bind failure is thrown.</summary>
    public Task ListenAsync(IPAddress address, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (listeners)
        {
            if (listeners.ContainsKey(address)) return Task.CompletedTask;
            listeners[address] = new DnsListener(new IPEndPoint(address, options.Port), names, forwarder, logger);
        }
        logger.LogInformation("Container DNS listening on {Endpoint}", new IPEndPoint(address, options.Port));
        return Task.CompletedTask;
    }

    public async Task StopListeningAsync(IPAddress address)
    {
        DnsListener? listener;
        lock (listeners)
            if (!listeners.Remove(address, out listener)) return;
        await listener.DisposeAsync();
        logger.LogInformation("Container DNS stopped on {Endpoint}", new IPEndPoint(address, options.Port));
    }

    public async ValueTask DisposeAsync()
    {
        IPAddress[] addresses;
        lock (listeners) addresses = [.. listeners.Keys];
        foreach (var address in addresses) await StopListeningAsync(address);
    }
}
