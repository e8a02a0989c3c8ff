using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Platform.Gateway.Hijack;
using Platform.ServiceDefaults.Hijack;

namespace Platform.Gateway.Listeners;

/// <summary>
/// Kestrel's listeners: the Docker API on a unix socket and on TCP (hijack-aware, HTTP/1.1), and the registry
/// listener. Limits are set so that nothing long-lived is cut: streams (logs -f, events, stats, wait) and slow
/// uploads have no minimum data rate; KeepAliveTimeout only applies between requests.
/// </summary>
public static class GatewayListeners
{
    public static WebApplicationBuilder AddGatewayListeners(this WebApplicationBuilder builder, GatewayOptions options)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            var limits = kestrel.Limits;
            limits.MinResponseDataRate = null;
            limits.MinRequestBodyDataRate = null;
            limits.MaxRequestBodySize = null;   // build contexts, image loads and archives are large
            limits.MaxRequestLineSize = RawRequestHeadParser.DefaultMaxHeadSize;   // filters JSON rides in the query
            limits.MaxRequestHeadersTotalSize = RawRequestHeadParser.DefaultMaxHeadSize;   // X-Registry-Config

            var certificate = options.Tls.IsConfigured
                ? X509Certificate2.CreateFromPemFile(options.Tls.CertificatePath!, options.Tls.KeyPath)
                : null;
            var hijack = kestrel.ApplicationServices.GetRequiredService<RuntimeHijack>();

            if (options.HasSocket)
            {
                UnixSocketFile.Prepare(options.Socket!);
                kestrel.ListenUnixSocket(options.Socket!, listen => DockerListener(listen, hijack, certificate: null));
            }
            if (options.TcpPort != 0)
                ListenTcp(kestrel, options.TcpAddress, options.TcpPort, listen => DockerListener(listen, hijack, certificate));
            if (options.RegistryPort != 0)
                ListenTcp(kestrel, options.TcpAddress, options.RegistryPort, listen => RegistryListener(listen, certificate));
        });
        return builder;
    }

    static void DockerListener(ListenOptions listen, RuntimeHijack hijack, X509Certificate2? certificate)
    {
        listen.Protocols = HttpProtocols.Http1;   // Docker clients speak HTTP/1.1; hijacks need it
        if (certificate is not null) listen.UseHttps(certificate);
        listen.UseHijack(DockerHijackRoutes.IsHijack, hijack.HandleAsync);
    }

    static void RegistryListener(ListenOptions listen, X509Certificate2? certificate)
    {
        if (certificate is not null) listen.UseHttps(certificate);
        listen.Use(next => connection =>
        {
            connection.Items[RegistryScope.ListenerKey] = true;
            return next(connection);
        });
    }

    static void ListenTcp(KestrelServerOptions kestrel, string address, int port, Action<ListenOptions> configure)
    {
        GatewayOptions.TryParseAddress(address, out var ip);
        if (ip is null) kestrel.ListenLocalhost(port, configure);
        else kestrel.Listen(new IPEndPoint(ip, port), configure);
    }
}
