using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Platform.Networking.Tests.Integration.LocalState;

/// <summary>
/// A loopback TCP relay in front of the real PostgreSQL that a test can cut: while cut, its port refuses connections
/// and every relayed connection is closed, so the service sees a database that is down; restored, it relays again.
/// </summary>
public sealed class PostgresRelay : IAsyncDisposable
{
    readonly IPEndPoint _target;
    readonly List<TcpClient> _connections = [];
    TcpListener? _listener;

    PostgresRelay(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A relay to the database of <paramref name="connectionString"/>, and that connection string through it.</summary>
    public static (PostgresRelay Relay, string ConnectionString) Start(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var target = new IPEndPoint(System.Net.Dns.GetHostAddresses(builder.Host!).First(a => a.AddressFamily == AddressFamily.InterNetwork), builder.Port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var relay = new PostgresRelay(target, port);
        relay.Restore();
        builder.Host = "127.0.0.1";
        builder.Port = port;
        builder.Timeout = 3;
        return (relay, builder.ConnectionString);
    }

    public void Cut()
    {
        lock (_connections)
        {
            _listener?.Stop();
            _listener = null;
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
    }

    public void Restore()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        lock (_connections) _listener = listener;
        _ = AcceptAsync(listener);
    }

    async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (_connections)
        {
            _connections.Add(client);
            _connections.Add(server);
        }
        try
        {
            await server.ConnectAsync(_target);
            await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream()), server.GetStream().CopyToAsync(client.GetStream()));
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException) { }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
