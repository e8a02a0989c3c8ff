using System.Text.Json;
using Platform.Networking.DockerApi;
using Platform.Networking.Networks;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.Endpoints;

/// <summary>
/// The runtime's surface (not Docker's): join a network, leave it, and list a container's endpoints. Errors are
/// Docker's {"message"} with the status Docker gives for the same refusal, so the runtime can pass them on as they are.
/// </summary>
public static class EndpointsApi
{
    public static WebApplication MapEndpointsApi(this WebApplication app)
    {
        var platform = app.MapGroup("/_platform");
        platform.MapPost("/networks/{idOrName}/endpoints", JoinAsync);
        platform.MapDelete("/networks/{networkId}/endpoints/{endpointId}", LeaveAsync);
        platform.MapGet("/containers/{containerId}/endpoints", ForContainer);
        return app;
    }

    static async Task<IResult> JoinAsync(HttpContext context, string idOrName, NetworkEndpoints endpoints, CancellationToken ct)
    {
        JoinEndpoint? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, NetworksJson.Relaxed.JoinEndpoint, ct);
        }
        catch (JsonException error)
        {
            throw NetworkError.BadRequest($"invalid JSON: {error.Message}");
        }
        var joined = await endpoints.JoinAsync(idOrName, request ?? throw NetworkError.BadRequest("invalid JSON: the body is null"), ct);
        return DockerJsonResults.Json(joined, NetworksJson.Relaxed.JoinedEndpoint, StatusCodes.Status201Created);
    }

    static async Task<IResult> LeaveAsync(string networkId, string endpointId, NetworkEndpoints endpoints, CancellationToken ct)
    {
        await endpoints.LeaveAsync(networkId, endpointId, ct);
        return DockerJsonResults.Bytes([], StatusCodes.Status204NoContent, contentType: null);
    }

    static IResult ForContainer(string containerId, NetworkEndpoints endpoints) =>
        DockerJsonResults.Json([.. endpoints.ForContainer(containerId)], NetworksJson.Relaxed.ListJoinedEndpoint);
}
