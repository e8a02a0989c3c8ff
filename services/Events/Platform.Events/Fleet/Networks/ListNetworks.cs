using Marten;

namespace Platform.Events.Fleet.Networks;

/// <summary>GET /api/v1/fleet/networks?host= — the networks that exist, with the containers connected to each.</summary>
public static class ListNetworks
{
    public static RouteGroupBuilder MapListNetworks(this RouteGroupBuilder group)
    {
        group.MapGet("/networks", ListAsync);
        return group;
    }

    static async Task<IResult> ListAsync(IQuerySession session, CancellationToken ct, string? host = null)
    {
        var query = session.Query<FleetNetwork>().AsQueryable();
        if (host is not null) query = query.Where(x => x.HostId == host);
        var networks = await query.OrderBy(x => x.HostId).ThenBy(x => x.Name).ToListAsync(ct);
        return TypedResults.Ok(new NetworksList(networks.Select(NetworkView.From).ToList()));
    }
}

/// <summary>A network as the API shows it (camelCase JSON); containers in the order they connected.</summary>
public sealed record NetworkView(
    string Id, string Host, string Name, string Driver, IReadOnlyList<string> Containers, DateTimeOffset CreatedAt, DateTimeOffset LastChangeAt)
{
    public static NetworkView From(FleetNetwork n) => new(n.Id, n.HostId, n.Name, n.Driver, n.Containers, n.CreatedAt, n.LastChangeAt);
}

public sealed record NetworksList(IReadOnlyList<NetworkView> Networks);
