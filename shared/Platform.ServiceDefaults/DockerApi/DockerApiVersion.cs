using System.Globalization;

namespace Platform.ServiceDefaults.DockerApi;

/// <summary>The Docker Engine API versions the platform speaks, and the identity it reports.</summary>
public static class DockerApiVersion
{
    public static readonly Version Min = new(1, 44);
    public static readonly Version Max = new(1, 51);
    public const string MinText = "1.44";
    public const string MaxText = "1.51";

    /// <summary>Version of the platform engine, reported by /version and in the Server header.</summary>
    public const string EngineVersion = "0.1.0";
    public const string ServerHeader = "Platform/" + EngineVersion + " (linux)";

    /// <summary>Parses "1.44" (moby accepts any digits and dots; so do we, comparing numerically).</summary>
    public static bool TryParse(string text, out Version version)
    {
        version = new Version(0, 0);
        var parts = text.Split('.');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0)) return false;
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        version = new Version(numbers[0], numbers.Length > 1 ? numbers[1] : 0);
        return true;
    }
}
