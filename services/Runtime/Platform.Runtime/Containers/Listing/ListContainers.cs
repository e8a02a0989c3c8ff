using System.Text.RegularExpressions;
using Platform.Runtime.Containers.Inspecting;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Listing;

/// <summary>GET /containers/json: running ones unless all=1, newest first, filters as docker ps applies them.</summary>
public static class ListContainersEndpoint
{
    static readonly string[] Accepted =
        ["id", "name", "label", "status", "ancestor", "exited", "before", "since", "network", "volume", "health", "is-task", "publish", "expose"];

    public static void MapListContainers(this IEndpointRouteBuilder app) =>
        app.MapGet("/containers/json", (HttpRequest request, ContainerStore store, ContainerSizes sizes, TimeProvider time) =>
        {
            var filters = DockerFilters.Parse(request.Value("filters"), Accepted);
            var all = request.Flag("all") || filters.Contains("status") || filters.Contains("exited");
            var limit = request.Int("limit", -1);
            var withSize = request.Flag("size");
            var containers = store.All.OrderByDescending(c => c.Created).ToList();
            var before = Bound(filters, "before", store);
            var since = Bound(filters, "since", store);
            var now = time.GetUtcNow();
            var matching = containers
                .Where(c => all || c.IsRunning || limit > 0)
                .Where(c => before is null || c.Created < before.Created)
                .Where(c => since is null || c.Created > since.Created)
                .Where(c => Matches(c, filters))
                .Take(limit > 0 ? limit : int.MaxValue)
                .Select(c => Summary(c, now, withSize ? sizes : null))
                .ToList();
            return DockerJsonResults.Json(matching, ContainersJson.Default.ListContainerSummary);
        });

    static Container? Bound(DockerFilters filters, string key, ContainerStore store) =>
        filters.Get(key) is [var reference, ..] ? store.Get(reference) : null;

    static bool Matches(Container c, DockerFilters filters)
    {
        if (!filters.MatchesLabels(c.Config.Labels)) return false;
        if (filters.Get("id") is { Count: > 0 } ids && !ids.Any(id => c.Id.StartsWith(id, StringComparison.Ordinal))) return false;
        if (filters.Get("name") is { Count: > 0 } names && !names.Any(n => NameMatches(c.Name, n))) return false;
        if (filters.Get("status") is { Count: > 0 } statuses)
        {
            foreach (var s in statuses)
                if (s is not ("created" or "restarting" or "running" or "removing" or "paused" or "exited" or "dead"))
                    throw DockerApiException.BadRequest($"invalid filter 'status={s}'");
            if (!statuses.Contains(c.Status.ToString().ToLowerInvariant())) return false;
        }
        if (filters.Get("exited") is { Count: > 0 } codes)
        {
            if (c.Status != ContainerStatus.Exited || !c.HasBeenStarted) return false;
            if (!codes.Any(code => int.TryParse(code, out var n) ? n == c.ExitCode : throw DockerApiException.BadRequest($"invalid filter 'exited={code}'"))) return false;
        }
        if (filters.Get("ancestor") is { Count: > 0 } ancestors && !ancestors.Any(a => AncestorMatches(c, a))) return false;
        if (filters.Get("volume") is { Count: > 0 } volumes && !volumes.Any(v => c.Mounts.Any(m => m.Name == v || m.Destination == v || m.Source == v))) return false;
        if (filters.Get("network") is { Count: > 0 } networks && !networks.Contains(c.HostConfig.NetworkMode)) return false;
        return true;
    }

    static bool NameMatches(string name, string pattern)
    {
        try { return Regex.IsMatch(name, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50)); }
        catch (ArgumentException) { return name.Contains(pattern, StringComparison.Ordinal); }
    }

    /// <summary>ancestor=busybox, busybox:latest, docker.io/library/busybox, an image id or its prefix.</summary>
    static bool AncestorMatches(Container c, string ancestor)
    {
        var hex = c.ImageId.StartsWith("sha256:", StringComparison.Ordinal) ? c.ImageId[7..] : c.ImageId;
        var wanted = ancestor.StartsWith("sha256:", StringComparison.Ordinal) ? ancestor[7..] : ancestor;
        if (wanted.Length >= 4 && hex.StartsWith(wanted, StringComparison.Ordinal)) return true;
        return Familiar(c.Config.Image) == Familiar(ancestor);
    }

    static string Familiar(string reference)
    {
        var r = reference;
        foreach (var prefix in new[] { "docker.io/library/", "docker.io/", "index.docker.io/library/" })
            if (r.StartsWith(prefix, StringComparison.Ordinal)) { r = r[prefix.Length..]; break; }
        var slash = r.LastIndexOf('/');
        return r.IndexOf(':', slash + 1) < 0 && !r.Contains('@') ? r + ":latest" : r;
    }

    public static ContainerSummary Summary(Container c, DateTimeOffset now, ContainerSizes? sizes)
    {
        var command = c.Args.Count == 0 ? c.Path : c.Path + " " + string.Join(' ', c.Args.Select(a => a.Contains(' ') ? $"'{a}'" : a));
        var settings = InspectContainer.NetworkSettings(c);
        var ports = settings.Ports.SelectMany(p => p.Value is { Count: > 0 } bound
            ? bound.Select(b => Port(p.Key) with { IP = b.HostIp, PublicPort = int.Parse(b.HostPort, System.Globalization.CultureInfo.InvariantCulture) })
            : [Port(p.Key)]).ToList();
        var summary = new ContainerSummary(c.Id, [c.Name], c.Config.Image, c.ImageId, command, c.Created.ToUnixTimeSeconds(), ports,
            c.Config.Labels ?? [], c.Status.ToString().ToLowerInvariant(), HumanStatus.Of(c, now),
            new SummaryHostConfig(c.HostConfig.NetworkMode), new SummaryNetworkSettings(settings.Networks),
            c.Mounts.Select(InspectContainer.Mount).ToList());
        if (sizes is null) return summary;
        var (rw, rootfs) = sizes.Of(c);
        return summary with { SizeRw = rw, SizeRootFs = rootfs };
    }

    static PortJson Port(string key)
    {
        var slash = key.IndexOf('/');
        var number = int.TryParse(slash < 0 ? key : key[..slash], out var n) ? n : 0;
        return new PortJson(number, slash < 0 ? "tcp" : key[(slash + 1)..]);
    }
}
