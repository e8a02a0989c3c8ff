using Platform.Networking.Networks;

namespace Platform.Networking.Bridges;

/// <summary>
/// The Linux bridge behind a bridge-driver network: the predefined "bridge" network's is configured (platform0),
/// a user's network uses the name given in its options, or "pbr-" and the first 11 hex digits of its id.
/// </summary>
public static class BridgeNames
{
    public const string Option = "com.docker.network.bridge.name";
    public const string Prefix = "pbr-";
    public const int MaxLength = 15; // IFNAMSIZ - 1

    public static string For(Network network, string defaultBridge) =>
        network.Predefined ? defaultBridge
        : network.Options.TryGetValue(Option, out var given) && given.Length > 0 ? given
        : Prefix + network.Id[..11];

    /// <summary>A name the user gives must be a valid interface name.</summary>
    public static void Validate(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue(Option, out var name) || name.Length == 0) return;
        if (name.Length > MaxLength || name is "." or ".." || name.Any(c => c is '/' or ':' || char.IsWhiteSpace(c) || c > 0x7e))
            throw NetworkError.BadRequest($"invalid bridge name \"{name}\": an interface name has at most {MaxLength} characters and no '/', ':' or spaces");
    }
}
