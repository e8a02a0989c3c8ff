using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Creating;

/// <summary>Docker's name rule, and a readable random name ("adjective_noun") when the client gives none.</summary>
public static partial class ContainerNames
{
    static readonly string[] Adjectives =
    [
        "amber", "brave", "calm", "clever", "crisp", "daring", "eager", "fair", "gentle", "glad", "keen", "kind",
        "lively", "lucid", "merry", "nimble", "noble", "patient", "quiet", "rapid", "serene", "sharp", "steady",
        "swift", "tidy", "vivid", "warm", "wise", "witty", "zesty",
    ];

    static readonly string[] Nouns =
    [
        "anchor", "badger", "beacon", "cedar", "comet", "delta", "ember", "falcon", "fjord", "glacier", "harbor",
        "heron", "island", "juniper", "kestrel", "lagoon", "maple", "meadow", "nebula", "orchid", "otter", "pebble",
        "quartz", "raven", "ridge", "sparrow", "summit", "tundra", "willow", "zephyr",
    ];

    /// <summary>"/name" for a valid requested name (with or without its leading slash); a 400 otherwise.</summary>
    public static string Normalize(string requested)
    {
        var name = requested.StartsWith('/') ? requested[1..] : requested;
        if (!Valid().IsMatch(name))
            throw DockerApiException.BadRequest($"Invalid container name ({requested}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        return "/" + name;
    }

    public static string Random(int attempt) =>
        "/" + Adjectives[RandomNumberGenerator.GetInt32(Adjectives.Length)] + "_" + Nouns[RandomNumberGenerator.GetInt32(Nouns.Length)]
        + (attempt > 0 ? RandomNumberGenerator.GetInt32(10).ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_.-]+\z")]
    private static partial Regex Valid();
}
