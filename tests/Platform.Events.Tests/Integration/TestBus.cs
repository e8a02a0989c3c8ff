using MassTransit;
using Platform.Testing;

namespace Platform.Events.Tests.Integration;

/// <summary>A bare MassTransit bus on the test infrastructure, to publish contracts the way services do.</summary>
public static class TestBus
{
    public static async Task<IBusControl> StartAsync(Infrastructure infrastructure)
    {
        var broker = new Uri(infrastructure.RabbitMqUri);
        var user = broker.UserInfo.Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker.Host, (ushort)broker.Port, "/", host =>
        {
            host.Username(Uri.UnescapeDataString(user[0]));
            host.Password(Uri.UnescapeDataString(user[1]));
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return bus;
    }
}
