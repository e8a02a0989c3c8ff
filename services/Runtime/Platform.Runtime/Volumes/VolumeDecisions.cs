using Platform.Runtime.Volumes.Local;

namespace Platform.Runtime.Volumes;

/// <summary>A request for a volume: a name already chosen (random for anonymous ones), labels and driver options.</summary>
public sealed record CreateVolume(
    string Name, string Driver, IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string>? Options, bool Anonymous);

public sealed record RemoveVolume(string Name, bool Force);

/// <summary>Pure decisions over the volume set, in moby's order of checks and with its messages.</summary>
public static class VolumeDecisions
{
    public const string LocalDriver = "local";

    /// <summary>The event to journal, or null when the volume already exists (Docker then returns it unchanged).</summary>
    public static VolumeCreated? Decide(VolumeSet state, CreateVolume command, DateTimeOffset now)
    {
        var name = command.Name;
        var driver = command.Driver.Length == 0 ? LocalDriver : command.Driver;
        if (driver != LocalDriver)
            throw VolumeError.NotFound($"create {name}: error looking up volume plugin {driver}: plugin {VolumeNames.GoQuote(driver)} not found");
        if (state.Volumes.ContainsKey(name)) return null;
        if (VolumeNames.Validate(name) is { } invalidName) throw VolumeError.InvalidParameter($"create {name}: {invalidName}");
        if (LocalOptions.Validate(command.Options) is { } invalidOption) throw VolumeError.InvalidParameter($"create {name}: {invalidOption}");

        var labels = new Dictionary<string, string>(command.Labels, StringComparer.Ordinal);
        if (command.Anonymous) labels.TryAdd(Volume.AnonymousLabel, "");
        return new VolumeCreated(name, driver, labels, command.Options, command.Anonymous, now);
    }

    /// <summary>
    /// The event to journal, or null when a forced remove finds nothing to remove. A volume in use by a container is
    /// never removed, forced or not (moby's force only forgives a missing volume).
    /// </summary>
    public static VolumeRemoved? Decide(VolumeSet state, RemoveVolume command, IReadOnlyList<string> users, DateTimeOffset now)
    {
        if (!state.Volumes.TryGetValue(command.Name, out var volume))
            return command.Force ? null : throw VolumeError.NoSuchVolume(command.Name);
        if (users.Count > 0)
            throw VolumeError.Conflict($"remove {command.Name}: volume is in use - [{string.Join(", ", users)}]");
        return new VolumeRemoved(volume.Name, volume.Driver, now);
    }
}
