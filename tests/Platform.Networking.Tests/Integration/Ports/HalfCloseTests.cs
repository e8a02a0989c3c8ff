using System.Net;
using System.Net.Sockets;
using Platform.Networking.Ports;
using Xunit;

namespace Platform.Networking.Tests.Integration.Ports;

public sealed class HalfCloseTests : PublisherTest
{
    [Fact]
    public async Task The_client_ending_its_output_reaches_the_container_which_can_still_answer()
    {
        using var container = new TcpContainer(async socket =>
        {
            var request = await Loopback.ReadToEndAsync(socket);
            await Loopback.SendAsync(socket, $"got {request}, bye");
            socket.Shutdown(SocketShutdown.Send);
        });
        var port = await PublishAsync(container.Port);

        using var client = await Loopback.ConnectAsync(IPAddress.Loopback, port);
        await Loopback.SendAsync(client, "question");
        client.Shutdown(SocketShutdown.Send);

        Assert.Equal("got question, bye", await Loopback.ReadToEndAsync(client));
    }

    [Fact]
    public async Task The_container_ending_its_output_reaches_the_client_which_can_still_send()
    {
        var heard = new TaskCompletionSource<string>();
        using var container = new TcpContainer(async socket =>
        {
            await Loopback.SendAsync(socket, "ready");
            socket.Shutdown(SocketShutdown.Send);
            heard.SetResult(await Loopback.ReadToEndAsync(socket));
        });
        var port = await PublishAsync(container.Port);

        using var client = await Loopback.ConnectAsync(IPAddress.Loopback, port);
        Assert.Equal("ready", await Loopback.ReadToEndAsync(client));
        await Loopback.SendAsync(client, "still talking");
        client.Shutdown(SocketShutdown.Send);

        Assert.Equal("still talking", await heard.Task.WaitAsync(Loopback.Patience));
    }

    async Task<int> PublishAsync(int containerPort) =>
        Assert.Single(await PublishAsync(new PortRequest("tcp", "127.0.0.1", 0, IPAddress.Loopback, containerPort))).HostPort;
}
