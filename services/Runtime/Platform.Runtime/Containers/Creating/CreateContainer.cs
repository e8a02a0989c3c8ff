using Mediator;
using Platform.Runtime.Containers.Model;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Creating;

public sealed record CreateContainer(string? Name, CreateRequest Request) : ICommand<CreatedContainer>;

public sealed record CreatedContainer(string Id, List<string> Warnings);

/// <summary>
/// POST /containers/create: resolves the image through images (one local call), merges the image's defaults,
/// reserves the name, plans mounts, prepares the writable root filesystem, and journals ContainerCreated.
/// Anything that fails on the way leaves no name, mount or directory behind.
/// </summary>
public sealed class CreateContainerHandler(
    ContainerStore store, ImagesClient images, ContainerEngine engine, ContainerVolumes volumes, Networking.ContainerNetworkPlanner networks,
    Diagnostics.RunPhases phases, TimeProvider time) : ICommandHandler<CreateContainer, CreatedContainer>
{
    public async ValueTask<CreatedContainer> Handle(CreateContainer command, CancellationToken ct)
    {
        var (config, host, networking) = command.Request;
        if (string.IsNullOrWhiteSpace(config.Image)) throw DockerApiException.BadRequest("No image specified");
        using var total = phases.Measure("create");
        var id = ContainerNames.NewId();
        var name = ReserveName(command.Name, id);
        try
        {
            PreparedImage image;
            using (phases.Measure("create.image-prepare")) image = await images.PrepareAsync(config.Image, ct);
            config = ImageDefaults.Merge(config, image.Config, id);
            host = HostConfigDefaults.Normalize(host);
            Dictionary<string, NetworkEndpointConfig> joins;
            using (phases.Measure("create.network-plan")) joins = await networks.PlanAsync(host, networking, ct);
            if (Networking.NetworkModes.IsHost(host.NetworkMode) && command.Request.Config.Hostname.Length == 0)
                config.Hostname = System.Net.Dns.GetHostName();
            foreach (var key in (host.PortBindings ?? []).Keys.Concat((config.ExposedPorts ?? []).Keys)) Networking.PortRequests.ParseKey(key);
            var wanted = new VolumeMounts(volumes.Root);
            var mounts = MountPlanner.Plan(host, config, wanted);
            var command0 = (config.Entrypoint ?? []).Concat(config.Cmd ?? []).ToList();
            string rootfs;
            using (phases.Measure("create.rootfs-mount")) rootfs = await engine.MountRootfsAsync(id, image.Plan, ct);
            using (phases.Measure("create.volumes")) await volumes.EnsureAsync(id, wanted, rootfs, ct);
            var created = new ContainerCreated(id, name, image.Id, config, host, command0[0], command0[1..], image.Plan, mounts,
                time.GetUtcNow()) { Networks = joins };
            using (phases.Measure("create.journal")) await store.RecordAsync(created, ct);
            return new CreatedContainer(id, []);
        }
        catch
        {
            store.ReleaseName(name, id);
            if (store.Current(id) is null) await engine.RemoveFilesAsync(id);
            throw;
        }
    }

    string ReserveName(string? requested, string id)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            var name = ContainerNames.Normalize(requested);
            if (!store.TryReserveName(name, id, out var holder))
                throw DockerApiException.Conflict(
                    $"Conflict. The container name \"{name}\" is already in use by container \"{holder}\". You have to remove (or rename) that container to be able to reuse that name.");
            return name;
        }
        for (var attempt = 0; ; attempt++)
        {
            var name = ContainerNames.Random(attempt);
            if (store.TryReserveName(name, id, out _)) return name;
        }
    }
}

public static class CreateContainerEndpoint
{
    public static void MapCreateContainer(this IEndpointRouteBuilder app) =>
        app.MapPost("/containers/create", async (HttpRequest request, IMediator mediator, Diagnostics.RunPhases phases, CancellationToken ct) =>
        {
            CreateRequest parsed;
            using (phases.Measure("create.parse")) parsed = CreateRequest.Parse(await ContainerBodies.ReadAsync(request, CreateRequest.MaxBody, ct));
            var created = await mediator.Send(new CreateContainer(request.Value("name"), parsed), ct);
            return DockerJsonResults.Json(created, ContainersJson.Default.CreatedContainer, StatusCodes.Status201Created);
        });
}
