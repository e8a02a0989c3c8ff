using Platform.Networking.Dns;
using Platform.Networking.Ports;

namespace Platform.Networking;

public static class PortsAndDns
{
    /// <summary>The userland parts of the data plane: published ports and container DNS.</summary>
    public static IHostApplicationBuilder AddPortsAndDns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPorts();
        builder.Services.AddContainerDns(builder.Configuration);
        return builder;
    }
}
