using Marten;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.Fleet.Containers;

/// <summary>
/// GET /api/v1/fleet/containers?host=&amp;state=&amp;all= — like docker ps across the fleet: containers that are up
/// (running or paused) unless all is set, or exactly those in the given state; newest first. Removed ones never.
/// </summary>
public static class ListContainers
{
    public static RouteGroupBuilder MapListContainers(this RouteGroupBuilder group)
    {
        group.MapGet("/containers", ListAsync);
        return group;
    }

    static async Task<IResult> ListAsync(HttpRequest request, IQuerySession session, CancellationToken ct, string? host = null, string? state = null)
    {
        var all = request.Flag("all");
        if (state is not null && !ContainerStates.All.Contains(state))
            return DockerErrors.BadRequest($"invalid state \"{state}\": must be one of {string.Join(", ", ContainerStates.All)}");

        var query = session.Query<FleetContainer>().AsQueryable();
        if (host is not null) query = query.Where(x => x.HostId == host);
        if (state is not null) query = query.Where(x => x.State == state);
        else if (!all) query = query.Where(x => x.State.IsOneOf(ContainerStates.Up));
        var containers = await query.OrderByDescending(x => x.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(new ContainersList(containers.Select(ContainerView.From).ToList()));
    }
}
