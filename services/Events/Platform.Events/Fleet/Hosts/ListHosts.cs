using Marten;
using Microsoft.Extensions.Options;
using Platform.Events.Fleet.Containers;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Events.Fleet.Hosts;

/// <summary>GET /api/v1/fleet/hosts and GET /api/v1/fleet/hosts/{id} (404 for a host never seen).</summary>
public static class ListHosts
{
    public static RouteGroupBuilder MapListHosts(this RouteGroupBuilder group)
    {
        group.MapGet("/hosts", ListAsync);
        group.MapGet("/hosts/{id}", GetAsync);
        return group;
    }

    static async Task<IResult> ListAsync(IQuerySession session, TimeProvider time, IOptions<FleetOptions> options, CancellationToken ct)
    {
        var hosts = await session.Query<FleetHost>().OrderBy(x => x.Id).ToListAsync(ct);
        var liveness = (await session.Query<HostLiveness>().ToListAsync(ct)).ToDictionary(x => x.Id);
        var running = (await session.Query<FleetContainer>().Where(x => x.State == ContainerStates.Running).Select(x => x.HostId)
            .ToListAsync(ct)).CountBy(x => x).ToDictionary();
        var now = time.GetUtcNow();
        return TypedResults.Ok(new HostsList(hosts.Select(h =>
            HostView.From(h, liveness.GetValueOrDefault(h.Id), running.GetValueOrDefault(h.Id), now, options.Value)).ToList()));
    }

    static async Task<IResult> GetAsync(string id, IQuerySession session, TimeProvider time, IOptions<FleetOptions> options, CancellationToken ct)
    {
        if (await session.LoadAsync<FleetHost>(id, ct) is not { } host) return DockerErrors.NotFound($"no such host: {id}");
        var liveness = await session.LoadAsync<HostLiveness>(id, ct);
        var running = await session.Query<FleetContainer>().CountAsync(x => x.HostId == id && x.State == ContainerStates.Running, ct);
        return TypedResults.Ok(HostView.From(host, liveness, running, time.GetUtcNow(), options.Value));
    }
}
