namespace Platform.ServiceDefaults.Rails.Bus;

/// <summary>The parts of an amqp(s)://user:password@host:port/vhost URI (user info percent-decoded, "/" when no vhost).</summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public static RabbitMqAddress Parse(string uri)
    {
        var address = new Uri(uri, UriKind.Absolute);
        if (address.Scheme is not ("amqp" or "amqps"))
            throw new FormatException($"ConnectionStrings:{RailsConfiguration.RabbitMq} must be an amqp:// or amqps:// URI");
        var tls = address.Scheme == "amqps";
        var user = address.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(address.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            address.Host,
            (ushort)(address.Port > 0 ? address.Port : tls ? 5671 : 5672),
            vhost.Length == 0 ? "/" : vhost,
            user[0].Length == 0 ? "guest" : Uri.UnescapeDataString(user[0]),
            user.Length < 2 ? "guest" : Uri.UnescapeDataString(user[1]),
            tls);
    }
}
