using System.Text.Json;
using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Lifecycle;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Networking;

/// <summary>The body of POST /networks/{id}/connect and /disconnect.</summary>
public sealed class NetworkConnection
{
    public string? Container { get; set; }
    public EndpointSettings? EndpointConfig { get; set; }
    public bool Force { get; set; }
}

/// <summary>
/// POST /networks/{id}/connect|disconnect: routed to runtime, which owns the container's network configuration;
/// networking resolves the network and gives or takes the endpoint of a running container.
/// </summary>
public static class ConnectContainer
{
    public static void MapConnectContainer(this IEndpointRouteBuilder app)
    {
        app.MapPost("/networks/{network}/connect", async (string network, HttpRequest request, ContainerLifecycle lifecycle,
            NetworkingClient networking, CancellationToken ct) =>
        {
            var body = await ReadAsync(request, ct);
            var target = await networking.FindNetworkAsync(network, ct);
            await lifecycle.ConnectAsync(body.Container!, target, body.EndpointConfig?.ToConfig() ?? Model.NetworkEndpointConfig.Empty, ct);
            return Results.Ok();
        });
        app.MapPost("/networks/{network}/disconnect", async (string network, HttpRequest request, ContainerLifecycle lifecycle,
            NetworkingClient networking, CancellationToken ct) =>
        {
            var body = await ReadAsync(request, ct);
            var target = await networking.FindNetworkAsync(network, ct);
            await lifecycle.DisconnectAsync(body.Container!, target, ct);
            return Results.Ok();
        });
    }

    static async Task<NetworkConnection> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var bytes = await ContainerBodies.ReadAsync(request, 1024 * 1024, ct);
        NetworkConnection? body;
        try
        {
            body = bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, ContainersJson.Default.NetworkConnection);
        }
        catch (JsonException error)
        {
            throw DockerApiException.BadRequest($"invalid JSON: {error.Message}");
        }
        if (string.IsNullOrEmpty(body?.Container)) throw DockerApiException.BadRequest("container is required");
        return body;
    }
}
