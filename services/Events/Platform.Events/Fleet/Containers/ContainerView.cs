namespace Platform.Events.Fleet.Containers;

/// <summary>A container as GET /api/v1/fleet/containers shows it (camelCase JSON; exitCode only once it exited).</summary>
public sealed record ContainerView(
    string Id,
    string Host,
    string Name,
    string Image,
    IReadOnlyDictionary<string, string> Labels,
    string State,
    int? ExitCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset LastChangeAt)
{
    public static ContainerView From(FleetContainer c) => new(
        c.Id, c.HostId, c.Name, c.Image, c.Labels, c.State, c.ExitCode, c.CreatedAt, c.StartedAt, c.FinishedAt, c.LastChangeAt);
}

public sealed record ContainersList(IReadOnlyList<ContainerView> Containers);
