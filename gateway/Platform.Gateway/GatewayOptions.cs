using System.Net;
using Platform.Gateway.Listeners;

namespace Platform.Gateway;

/// <summary>Where the gateway listens. Bound from the "Gateway" configuration section.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Unix socket for Docker clients; empty = none. Mode 0660 once bound.</summary>
    public string? Socket { get; set; } = "/run/platform/docker.sock";

    /// <summary>Address of the TCP listeners (Docker API and registry). Non-loopback requires TLS.</summary>
    public string TcpAddress { get; set; } = "127.0.0.1";

    /// <summary>Docker API over TCP (DOCKER_HOST=tcp://127.0.0.1:2375); 0 = disabled.</summary>
    public int TcpPort { get; set; } = 2375;

    /// <summary>The registry listener, serving only /v2/; 0 = disabled.</summary>
    public int RegistryPort { get; set; } = 5000;

    public GatewayTlsOptions Tls { get; set; } = new();

    public bool HasSocket => !string.IsNullOrWhiteSpace(Socket);

    public static GatewayOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<GatewayOptions>() ?? new GatewayOptions();

    /// <summary>Why the gateway must not start with this configuration, or null when it may.</summary>
    public string? Problem()
    {
        if (TcpPort is < 0 or > 65535) return $"{Section}:TcpPort {TcpPort} is not a port (0 disables it)";
        if (RegistryPort is < 0 or > 65535) return $"{Section}:RegistryPort {RegistryPort} is not a port (0 disables it)";
        if (TcpPort != 0 && TcpPort == RegistryPort) return $"{Section}:TcpPort and {Section}:RegistryPort are both {TcpPort}";
        if (!HasSocket && TcpPort == 0 && RegistryPort == 0) return "no listener configured (Socket, TcpPort and RegistryPort are all off)";
        if (Tls.Problem() is { } tls) return tls;
        if (HasSocket && UnixSocketFile.IsServed(Socket!)) return $"{Socket} is already served by another process";
        if (TcpPort == 0 && RegistryPort == 0) return null;
        if (!TryParseAddress(TcpAddress, out var address))
            return $"{Section}:TcpAddress '{TcpAddress}' is not an IP address or 'localhost'";
        if (address is not null && !IPAddress.IsLoopback(address) && !Tls.IsConfigured)
            return $"{Section}:TcpAddress {TcpAddress} is not a loopback address and no TLS certificate is configured; " +
                   $"set {Section}:Tls:CertificatePath and {Section}:Tls:KeyPath, or listen on 127.0.0.1";
        return null;
    }

    /// <summary>An IP address, or "localhost" (null address: every loopback address).</summary>
    public static bool TryParseAddress(string text, out IPAddress? address)
    {
        address = null;
        return string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(text, out address);
    }
}

public sealed class GatewayTlsOptions
{
    /// <summary>PEM certificate (chain) for the TCP listeners; with <see cref="KeyPath"/> they serve HTTPS.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of the certificate.</summary>
    public string? KeyPath { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(KeyPath);

    public string? Problem()
    {
        if (!IsConfigured) return null;
        if (string.IsNullOrWhiteSpace(CertificatePath) || string.IsNullOrWhiteSpace(KeyPath))
            return $"{GatewayOptions.Section}:Tls needs both CertificatePath and KeyPath";
        if (!File.Exists(CertificatePath)) return $"TLS certificate {CertificatePath} does not exist";
        if (!File.Exists(KeyPath)) return $"TLS key {KeyPath} does not exist";
        return null;
    }
}
