using System.Text;

namespace Platform.Runtime.Engine.Spec;

/// <summary>The /etc/hosts, /etc/hostname and /etc/resolv.conf a container gets, written into its directory.</summary>
static class EtcFiles
{
    public static void Write(string containerDir, ContainerLaunch launch, string hostResolvConf = "/etc/resolv.conf",
        string hostHosts = "/etc/hosts")
    {
        var host = File.Exists(hostResolvConf) ? File.ReadAllText(hostResolvConf) : "";
        File.WriteAllText(Path.Combine(containerDir, "hostname"), launch.Hostname + "\n");
        File.WriteAllText(Path.Combine(containerDir, "hosts"),
            launch.HostNetwork && File.Exists(hostHosts) ? Extras(new StringBuilder(File.ReadAllText(hostHosts)), launch).ToString() : Hosts(launch));
        File.WriteAllText(Path.Combine(containerDir, "resolv.conf"), launch.HostNetwork && launch.Nameservers is null ? host : ResolvConf(launch, host));
    }

    /// <summary>The nameservers given (with search and options), else the host's less loopback ones.</summary>
    public static string ResolvConf(ContainerLaunch launch, string host)
    {
        if (launch.Nameservers is null && launch.DnsSearch.Count == 0 && launch.DnsOptions.Count == 0) return ResolvConf(host);
        var text = new StringBuilder();
        if (launch.DnsSearch.Count > 0) text.Append("search ").AppendJoin(' ', launch.DnsSearch).Append('\n');
        var nameservers = launch.Nameservers ?? [.. ResolvConf(host).Split('\n').Where(IsNameserver).Select(l => l.Split(' ', '\t').Last())];
        foreach (var server in nameservers) text.Append("nameserver ").Append(server).Append('\n');
        if (launch.DnsOptions.Count > 0) text.Append("options ").AppendJoin(' ', launch.DnsOptions).Append('\n');
        return text.ToString();
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
        Extras(text, launch);
        if (!string.IsNullOrEmpty(launch.IpAddress)) text.Append(launch.IpAddress).Append('\t').Append(launch.Hostname).Append('\n');
        return text.ToString();
    }

    static StringBuilder Extras(StringBuilder text, ContainerLaunch launch)
    {
        if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
        foreach (var extra in launch.ExtraHosts)
        {
            var colon = extra.IndexOf(':');
            if (colon > 0) text.Append(extra[(colon + 1)..]).Append('\t').Append(extra[..colon]).Append('\n');
        }
        return text;
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
