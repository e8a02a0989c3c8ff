using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Lifecycle;

/// <summary>Signals by name (with or without SIG, any case) or number, as moby's signal.ParseSignal reads them.</summary>
public static class Signals
{
    public const int Kill = 9;
    public const int Term = 15;

    static readonly Dictionary<string, int> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HUP"] = 1, ["INT"] = 2, ["QUIT"] = 3, ["ILL"] = 4, ["TRAP"] = 5, ["ABRT"] = 6, ["IOT"] = 6, ["BUS"] = 7,
        ["FPE"] = 8, ["KILL"] = 9, ["USR1"] = 10, ["SEGV"] = 11, ["USR2"] = 12, ["PIPE"] = 13, ["ALRM"] = 14,
        ["TERM"] = 15, ["STKFLT"] = 16, ["CHLD"] = 17, ["CONT"] = 18, ["STOP"] = 19, ["TSTP"] = 20, ["TTIN"] = 21,
        ["TTOU"] = 22, ["URG"] = 23, ["XCPU"] = 24, ["XFSZ"] = 25, ["VTALRM"] = 26, ["PROF"] = 27, ["WINCH"] = 28,
        ["IO"] = 29, ["POLL"] = 29, ["PWR"] = 30, ["SYS"] = 31,
    };

    public static int Parse(string? text, int absent)
    {
        if (string.IsNullOrEmpty(text)) return absent;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return number is > 0 and <= 64 ? number : throw DockerApiException.BadRequest($"Invalid signal: {text}");
        var name = text.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        if (name.StartsWith("RTMIN+", StringComparison.OrdinalIgnoreCase) && int.TryParse(name[6..], out var plus) && plus is >= 0 and <= 30)
            return 34 + plus;
        return ByName.TryGetValue(name, out var signal) ? signal : throw DockerApiException.BadRequest($"Invalid signal: {text}");
    }
}
