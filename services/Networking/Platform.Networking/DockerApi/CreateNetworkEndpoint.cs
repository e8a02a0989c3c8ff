using System.Text.Json;
using Platform.Networking.Addressing;
using Platform.Networking.Networks;
using Platform.Networking.Networks.Creating;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Networking.DockerApi;

/// <summary>POST /networks/create: docker network create. 201 {"Id","Warning":""}.</summary>
public static class CreateNetworkEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, NetworkCreator creator, NetworkStreams streams, CancellationToken ct)
    {
        var request = await ReadAsync(context, ct);
        var name = request.Name ?? "";
        if (name.Trim().Length == 0) throw NetworkError.BadRequest("network name must not be empty");
        if (request.EnableIPv4 == false) throw NetworkError.BadRequest("IPv4 cannot be disabled on this platform's networks");
        if (request.EnableIPv6 == true) throw NetworkError.BadRequest("IPv6 networks are not supported yet on this platform");
        if (request.IPAM?.Driver is { Length: > 0 } ipamDriver && ipamDriver != "default") throw NetworkError.BadRequest($"plugin \"{ipamDriver}\" not found");
        if (request.IPAM?.Config is { Count: > 1 }) throw NetworkError.BadRequest("only one IPv4 subnet per network is supported on this platform");
        var ipam = request.IPAM?.Config?.FirstOrDefault() is { } c ? new IpamRequest(c.Subnet, c.IPRange, c.Gateway, c.AuxiliaryAddresses) : new IpamRequest();
        var driver = string.IsNullOrEmpty(request.Driver) ? "bridge" : request.Driver;

        var network = await creator.CreateAsync(id => new CreateNetwork(id, streams.HostId, name, driver, ipam,
            request.Internal, request.Attachable, request.Labels ?? [], request.Options ?? []), ct);
        return DockerJsonResults.Json(new NetworkCreateResponse(network.Id, ""), NetworksJson.Relaxed.NetworkCreateResponse, StatusCodes.Status201Created);
    }

    static async Task<NetworkCreateRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, NetworksJson.Relaxed.NetworkCreateRequest, ct)
                ?? throw NetworkError.BadRequest("invalid JSON: the body is null");
        }
        catch (JsonException error)
        {
            throw NetworkError.BadRequest($"invalid JSON: {error.Message}");
        }
    }
}
