namespace Platform.Runtime.Volumes.Local;

/// <summary>
/// The local driver's options, as Docker's: <c>type</c>, <c>device</c> and <c>o</c> describe a mount made when a
/// container first uses the volume (type=tmpfs,device=tmpfs,o=size=64m; type=none,device=/srv/x,o=bind);
/// <c>size</c> needs filesystem quotas, which this host does not offer.
/// </summary>
public static class LocalOptions
{
    static readonly string[] Known = ["type", "o", "device", "size"];
    static readonly (string Option, string[] Requires)[] Mandatory =
        [("device", ["type"]), ("type", ["device"]), ("o", ["device", "type"])];

    public static string? Validate(IReadOnlyDictionary<string, string>? options)
    {
        if (options is null || options.Count == 0) return null;
        foreach (var key in options.Keys.Order(StringComparer.Ordinal))
            if (!Known.Contains(key)) return $"invalid option: {VolumeNames.GoQuote(key)}";
        if (options.TryGetValue("size", out var size))
        {
            if (!ByteSize.TryParse(size, out var bytes)) return $"invalid size: '{size}'";
            if (bytes > 0) return "quota size requested but no quota support";
        }
        foreach (var (option, requires) in Mandatory)
            if (options.ContainsKey(option))
                foreach (var required in requires)
                    if (!options.ContainsKey(required)) return $"missing required option: {VolumeNames.GoQuote(required)}";
        return null;
    }

    /// <summary>True when using the volume means mounting something on its _data directory.</summary>
    public static bool NeedsMount(IReadOnlyDictionary<string, string>? options) =>
        options is not null && (options.GetValueOrDefault("type", "") != "" || options.GetValueOrDefault("device", "") != "");
}
