using Marten;

namespace Platform.Events.Fleet.Images;

/// <summary>GET /api/v1/fleet/images?host= — the images on each host, with their tags and digests there.</summary>
public static class ListImages
{
    public static RouteGroupBuilder MapListImages(this RouteGroupBuilder group)
    {
        group.MapGet("/images", ListAsync);
        return group;
    }

    static async Task<IResult> ListAsync(IQuerySession session, CancellationToken ct, string? host = null)
    {
        var query = session.Query<FleetImage>().AsQueryable();
        if (host is not null) query = query.Where(x => x.HostId == host);
        var images = await query.OrderBy(x => x.HostId).ThenByDescending(x => x.FirstSeenAt).ToListAsync(ct);
        return TypedResults.Ok(new ImagesList(images.Select(ImageView.From).ToList()));
    }
}

/// <summary>An image on a host as the API shows it (camelCase JSON), with Docker's RepoTags/RepoDigests split.</summary>
public sealed record ImageView(
    string Id, string Host, IReadOnlyList<string> RepoTags, IReadOnlyList<string> RepoDigests, DateTimeOffset FirstSeenAt, DateTimeOffset LastChangeAt)
{
    public static ImageView From(FleetImage i) => new(i.ImageId, i.HostId, i.RepoTags, i.RepoDigests, i.FirstSeenAt, i.LastChangeAt);
}

public sealed record ImagesList(IReadOnlyList<ImageView> Images);
