using System.Net.Sockets;

namespace Platform.Images.Images.Removing;

/// <summary>An HTTP client for the host's runtime: <c>http://127.0.0.1:5101</c>, or <c>unix:///run/platform/runtime.sock</c>.</summary>
public static class RuntimeClient
{
    public static HttpClient For(string url)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var address = new Uri(url.EndsWith('/') ? url : url + "/");
        if (address.Scheme == "unix")
        {
            var path = address.AbsolutePath.TrimEnd('/');
            handler.ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            address = new Uri("http://runtime/");
        }
        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }
}
