namespace Platform.Networking.DataPlane.Bridges;

/// <summary>The names the platform gives its bridges: platform0 for the default network, pbr-… for the others.</summary>
public static class BridgeNames
{
    public const string Default = "platform0";
    public const string UserPrefix = "pbr-";

    public static bool IsPlatforms(string name) =>
        name.StartsWith(Default, StringComparison.Ordinal) || name.StartsWith(UserPrefix, StringComparison.Ordinal);
}
