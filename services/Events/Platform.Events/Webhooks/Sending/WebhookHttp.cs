using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Platform.Events.Webhooks.Sending;

/// <summary>
/// The HTTP client deliveries go out on: no redirects (a receiver cannot bounce a signed event elsewhere), and every
/// connection checked after name resolution, so a host name cannot smuggle a webhook to a metadata address.
/// </summary>
public static class WebhookHttp
{
    public static IServiceCollection AddWebhookHttp(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookSender.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own limit
                client.DefaultRequestHeaders.UserAgent.ParseAdd("platform-webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => Handler(provider.GetRequiredService<IOptions<WebhookOptions>>().Value));
        return services;
    }

    static SocketsHttpHandler Handler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = addresses.Where(a => WebhookAddresses.Refusal(a, options.AllowLinkLocal) is null).ToArray();
            if (allowed.Length == 0)
                throw new HttpRequestException($"{host} resolves only to refused addresses ({string.Join(", ", addresses.Select(a => a.ToString()))})");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
