using System.Text;

namespace Platform.Runtime.Engine.Spec;

/// <summary>The /etc/hosts, /etc/hostname and /etc/resolv.conf a container gets, written into its directory.</summary>
static class EtcFiles
{
    public static void Write(string containerDir, ContainerLaunch launch, string hostResolvConf = "/etc/resolv.conf")
    {
        File.WriteAllText(Path.Combine(containerDir, "hostname"), launch.Hostname + "\n");
        File.WriteAllText(Path.Combine(containerDir, "hosts"), Hosts(launch));
        File.WriteAllText(Path.Combine(containerDir, "resolv.conf"), ResolvConf(File.Exists(hostResolvConf) ? File.ReadAllText(hostResolvConf) : ""));
    }

    public static string Hosts(ContainerLaunch launch)
    {
        var text = new StringBuilder()
            .Append("127.0.0.1\tlocalhost\n")
            .Append("::1\tlocalhost ip6-localhost ip6-loopback\n")
            .Append("fe00::0\tip6-localnet\n")
            .Append("ff00::0\tip6-mcastprefix\n")
            .Append("ff02::1\tip6-allnodes\n")
            .Append("ff02::2\tip6-allrouters\n");
        foreach (var extra in launch.ExtraHosts)
        {
            var colon = extra.IndexOf(':');
            if (colon > 0) text.Append(extra[(colon + 1)..]).Append('\t').Append(extra[..colon]).Append('\n');
        }
        if (!string.IsNullOrEmpty(launch.IpAddress)) text.Append(launch.IpAddress).Append('\t').Append(launch.Hostname).Append('\n');
        return text.ToString();
    }

    /// <summary>The host's resolv.conf without loopback nameservers (unreachable from a container); empty when only those exist.</summary>
    public static string ResolvConf(string host)
    {
        var lines = host.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var nameservers = lines.Where(IsNameserver).Where(l => !IsLoopback(l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1])).ToList();
        if (nameservers.Count == 0) return "";
        var kept = lines.Where(l => l.StartsWith("search", StringComparison.Ordinal) || l.StartsWith("options", StringComparison.Ordinal));
        return string.Join("\n", kept.Concat(nameservers)) + "\n";
    }

    static bool IsNameserver(string line)
    {
        var parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[0] == "nameserver";
    }

    static bool IsLoopback(string address) =>
        System.Net.IPAddress.TryParse(address.Split('%')[0], out var ip) && System.Net.IPAddress.IsLoopback(ip);
}
