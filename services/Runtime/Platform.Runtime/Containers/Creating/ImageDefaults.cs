using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Creating;

/// <summary>
/// What create takes from the image when the request leaves it empty (moby's merge): Env by key (the request wins),
/// Cmd unless an Entrypoint was given, Entrypoint, WorkingDir, User, ExposedPorts, Volumes, Labels, StopSignal,
/// Healthcheck, Shell. Pure: no I/O.
/// </summary>
public static class ImageDefaults
{
    public static ContainerConfig Merge(ContainerConfig request, ContainerConfig? image, string id)
    {
        image ??= new ContainerConfig();
        var merged = request;
        merged.Env = MergeEnv(image.Env, request.Env);
        if (request.Entrypoint is not { Count: > 0 })
        {
            merged.Entrypoint = image.Entrypoint is { Count: > 0 } ? [.. image.Entrypoint] : null;
            if (request.Cmd is not { Count: > 0 }) merged.Cmd = image.Cmd is { Count: > 0 } ? [.. image.Cmd] : null;
        }
        if (merged.Entrypoint is not { Count: > 0 } && merged.Cmd is not { Count: > 0 })
            throw DockerApiException.BadRequest("no command specified");
        if (merged.WorkingDir.Length == 0) merged.WorkingDir = image.WorkingDir;
        if (merged.User.Length == 0) merged.User = image.User;
        merged.ExposedPorts = Union(image.ExposedPorts, request.ExposedPorts);
        merged.Volumes = Union(image.Volumes, request.Volumes);
        merged.Labels = MergeLabels(image.Labels, request.Labels);
        merged.StopSignal = string.IsNullOrEmpty(request.StopSignal) ? NullIfEmpty(image.StopSignal) : request.StopSignal;
        merged.Healthcheck ??= image.Healthcheck;
        merged.Shell ??= image.Shell;
        merged.OnBuild = image.OnBuild;
        if (merged.Hostname.Length == 0) merged.Hostname = id[..12];
        if (merged.WorkingDir.Length > 0 && !merged.WorkingDir.StartsWith('/'))
            throw DockerApiException.BadRequest($"the working directory '{merged.WorkingDir}' is invalid, it needs to be an absolute path");
        return merged;
    }

    static List<string> MergeEnv(List<string>? image, List<string>? request)
    {
        var result = new List<string>(image ?? []);
        foreach (var entry in request ?? [])
        {
            var key = entry.Split('=', 2)[0];
            if (key.Length == 0) throw DockerApiException.BadRequest($"invalid environment variable: {entry}");
            var at = result.FindIndex(e => e.Split('=', 2)[0] == key);
            if (at >= 0) result[at] = entry;
            else result.Add(entry);
        }
        return result;
    }

    static Dictionary<string, EmptyObject>? Union(Dictionary<string, EmptyObject>? a, Dictionary<string, EmptyObject>? b)
    {
        if (a is not { Count: > 0 } && b is not { Count: > 0 }) return b ?? a;
        var result = new Dictionary<string, EmptyObject>(a ?? [], StringComparer.Ordinal);
        foreach (var key in (b ?? []).Keys) result[key] = new EmptyObject();
        return result;
    }

    static Dictionary<string, string> MergeLabels(Dictionary<string, string>? image, Dictionary<string, string>? request)
    {
        var result = new Dictionary<string, string>(image ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in request ?? []) result[key] = value;
        return result;
    }

    static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
