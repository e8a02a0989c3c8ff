using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Networking;

/// <summary>HostConfig.PortBindings (and PublishAllPorts over ExposedPorts) as the ports to publish. Pure.</summary>
public static class PortRequests
{
    public static List<SandboxPortRequest> For(Container c)
    {
        var requests = new List<SandboxPortRequest>();
        var bindings = c.HostConfig.PortBindings ?? [];
        foreach (var (key, list) in bindings)
        {
            var (port, protocol) = ParseKey(key);
            foreach (var binding in list is { Count: > 0 } ? list : [new PortBinding()])
                requests.Add(new SandboxPortRequest(protocol, port, binding.HostIp ?? "", ParseHostPort(binding.HostPort)));
        }
        if (c.HostConfig.PublishAllPorts)
            foreach (var key in (c.Config.ExposedPorts ?? []).Keys.Where(k => !bindings.ContainsKey(k)))
            {
                var (port, protocol) = ParseKey(key);
                requests.Add(new SandboxPortRequest(protocol, port, "", 0));
            }
        return requests;
    }

    /// <summary>"80/tcp", "53/udp", "8080" (tcp).</summary>
    public static (int Port, string Protocol) ParseKey(string key)
    {
        var slash = key.IndexOf('/');
        var protocol = slash < 0 ? "tcp" : key[(slash + 1)..].ToLowerInvariant();
        if (!int.TryParse(slash < 0 ? key : key[..slash], out var port) || port is < 1 or > 65535 || protocol is not ("tcp" or "udp" or "sctp"))
            throw DockerApiException.BadRequest($"invalid port specification: \"{key}\"");
        return (port, protocol);
    }

    /// <summary>"" or "0": any free port; "8080"; a range "8000-8010" starts at its first port.</summary>
    static int ParseHostPort(string? hostPort)
    {
        if (string.IsNullOrEmpty(hostPort)) return 0;
        var first = hostPort.Split('-')[0];
        if (!int.TryParse(first, out var port) || port is < 0 or > 65535)
            throw DockerApiException.BadRequest($"invalid port specification: \"{hostPort}\"");
        return port;
    }
}
