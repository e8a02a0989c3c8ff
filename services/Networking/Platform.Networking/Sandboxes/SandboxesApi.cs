namespace Platform.Networking.Sandboxes;

/// <summary>The runtime's calls (loopback only, not routed by the gateway): sandbox per start, endpoint per connect.</summary>
public static class SandboxesApi
{
    public static IEndpointRouteBuilder MapSandboxes(this IEndpointRouteBuilder app)
    {
        var sandboxes = app.MapGroup("/_platform/sandboxes");
        sandboxes.MapPost("", async (SandboxRequest request, SandboxManager manager, CancellationToken ct) =>
            Results.Json(await manager.CreateAsync(request, ct), SandboxesJson.Default.SandboxResponse, statusCode: StatusCodes.Status201Created));
        sandboxes.MapDelete("/{containerId}", async (string containerId, SandboxManager manager, CancellationToken ct) =>
        {
            await manager.RemoveAsync(containerId, ct);
            return Results.NoContent();
        });
        sandboxes.MapPost("/{containerId}/endpoints", async (string containerId, SandboxNetworkRequest request, SandboxManager manager, CancellationToken ct) =>
            Results.Json(await manager.ConnectAsync(containerId, request, ct), SandboxesJson.Default.SandboxEndpoint, statusCode: StatusCodes.Status201Created));
        sandboxes.MapDelete("/{containerId}/endpoints/{network}", async (string containerId, string network, SandboxManager manager, CancellationToken ct) =>
        {
            await manager.DisconnectAsync(containerId, network, ct);
            return Results.NoContent();
        });
        return app;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(SandboxResponse))]
[System.Text.Json.Serialization.JsonSerializable(typeof(SandboxEndpoint))]
[System.Text.Json.Serialization.JsonSerializable(typeof(SandboxRequest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(SandboxNetworkRequest))]
public sealed partial class SandboxesJson : System.Text.Json.Serialization.JsonSerializerContext;
