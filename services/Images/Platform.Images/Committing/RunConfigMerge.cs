using Platform.Images.Archives.Importing;

namespace Platform.Images.Committing;

/// <summary>
/// moby's commit merge: what the committed config leaves empty comes from the container's own config — user, ports,
/// environment (by name), labels (by key), command and entrypoint (only when no entrypoint was given), working
/// directory, volumes and stop signal.
/// </summary>
public static class RunConfigMerge
{
    public static RunConfig Merge(RunConfig user, RunConfig container)
    {
        if (user.User.Length == 0) user.User = container.User;
        user.ExposedPorts = Union(user.ExposedPorts, container.ExposedPorts);
        if (user.Env is not { Count: > 0 }) user.Env = container.Env;
        else
            foreach (var entry in container.Env ?? [])
                if (!user.Env.Any(e => NameOf(e) == NameOf(entry))) user.Env.Add(entry);
        user.Labels ??= new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in container.Labels ?? []) user.Labels.TryAdd(key, value);
        if (user.Entrypoint is not { Count: > 0 })
        {
            if (user.Cmd is not { Count: > 0 })
            {
                user.Cmd = container.Cmd;
                user.Shell = container.Shell;
            }
            user.Entrypoint ??= container.Entrypoint;
        }
        if (user.WorkingDir.Length == 0) user.WorkingDir = container.WorkingDir;
        user.Volumes = Union(user.Volumes, container.Volumes);
        if (string.IsNullOrEmpty(user.StopSignal)) user.StopSignal = container.StopSignal;
        return user;
    }

    static SortedSet<string>? Union(SortedSet<string>? user, SortedSet<string>? container)
    {
        if (user is not { Count: > 0 }) return container;
        if (container is not null) user.UnionWith(container);
        return user;
    }

    static string NameOf(string entry) => entry.Split('=', 2)[0];
}
