using Platform.Images.Images;
using Platform.Images.Images.Removing;
using Platform.Images.Images.Resolving;
using Platform.Images.References;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Images.DockerApi.Listing;

/// <summary>
/// GET /images/json[?all=1][&amp;filters=…]: docker images. Filters: reference (glob on the familiar reference or
/// name; only matching references are shown), dangling, label, before, since, until. Newest first.
/// </summary>
public static class ListImages
{
    static readonly string[] Accepted = ["dangling", "label", "before", "since", "reference", "until"];

    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var filters = DockerFilters.Parse(context.Request.Value("filters"), Accepted);
        var danglingOnly = filters.Bool("dangling", absent: false);
        var before = await CreatedOfAsync(context, filters.Get("before"), cancellationToken);
        var since = await CreatedOfAsync(context, filters.Get("since"), cancellationToken);
        var until = filters.Get("until") is [var untilText] ? DockerTimestamps.Parse(untilText, DateTimeOffset.UtcNow) : (DateTimeOffset?)null;
        var patterns = filters.Get("reference").Select(Glob).ToList();

        var images = await ImageResolver.ListAsync(context.Query(), context.HostId(), cancellationToken);
        var usage = await UsageOrNullAsync(context, cancellationToken);
        var countContainers = usage is not null && DockerApiMiddleware.RequestVersion(context) >= new Version(1, 51);

        var summaries = new List<(DateTimeOffset Created, ImageSummary Summary)>();
        foreach (var image in images)
        {
            var created = image.Content.Created ?? DateTimeOffset.UnixEpoch;
            if (before is { } b && created >= b || since is { } s && created <= s || until is { } u && created > u) continue;
            if (!LabelMatch.All(filters.Get("label"), image.Content.Labels)) continue;

            var references = image.ParsedReferences()
                .Where(r => patterns.Count == 0 || patterns.Any(p => p.IsMatch(r.Familiar) || p.IsMatch(r.FamiliarName)))
                .ToList();
            var tags = references.Where(r => !r.IsCanonical).Select(r => r.Familiar).ToList();
            var digests = references.Where(r => r.IsCanonical).Select(r => r.Familiar).ToList();
            if (danglingOnly && tags.Count > 0) continue;
            if (tags.Count == 0 && digests.Count == 0 && (filters.Contains("dangling") && !danglingOnly || patterns.Count > 0)) continue;

            summaries.Add((created, new ImageSummary(
                countContainers ? usage!.Of(image.ImageId).Count : -1,
                created.ToUnixTimeSeconds(),
                image.ImageId,
                image.Content.Labels,
                "",
                digests,
                tags,
                -1,
                image.Content.Size)));
        }
        var ordered = summaries.OrderByDescending(s => s.Created).ThenBy(s => s.Summary.Id, StringComparer.Ordinal).Select(s => s.Summary).ToList();
        return DockerResults.Json(ordered, ImagesJson.Relaxed.ListImageSummary);
    }

    /// <summary>Listing does not free anything: without an answer from the runtime, Containers is -1 (not computed).</summary>
    static async Task<IReadOnlyDictionary<string, IReadOnlyList<ContainerUse>>?> UsageOrNullAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await context.RequestServices.GetRequiredService<IImageUsage>().ContainersByImageAsync(context.HostId(), cancellationToken);
        }
        catch (ImageUsageUnavailableException)
        {
            return null;
        }
    }

    static async Task<DateTimeOffset?> CreatedOfAsync(HttpContext context, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        DateTimeOffset? created = null;
        foreach (var name in names)
            created = (await context.ResolveAsync(name, cancellationToken)).Content.Created ?? DateTimeOffset.UnixEpoch;
        return created;
    }

    static System.Text.RegularExpressions.Regex Glob(string pattern)
    {
        try
        {
            return FamiliarMatch.Compile(pattern);
        }
        catch (FormatException error)
        {
            throw ImageError.BadRequest(error.Message);
        }
    }
}
