namespace Platform.Images.References;

/// <summary>go-digest's validation of "algorithm:hex": the algorithms it registers and their lengths, lowercase hex.</summary>
public static class DigestText
{
    public const string InvalidFormat = "invalid checksum digest format";
    public const string InvalidLength = "invalid checksum digest length";
    public const string Unsupported = "unsupported digest algorithm";

    static readonly Dictionary<string, int> HexLengths = new(StringComparer.Ordinal)
    {
        ["sha256"] = 64,
        ["sha384"] = 96,
        ["sha512"] = 128,
    };

    /// <summary>Null when <paramref name="text"/> is a valid digest, otherwise go-digest's error message.</summary>
    public static string? Validate(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon + 1 == text.Length) return InvalidFormat;
        var algorithm = text[..colon];
        var encoded = text[(colon + 1)..];
        if (!HexLengths.TryGetValue(algorithm, out var length))
            return ReferenceGrammar.AnyDigest().IsMatch(text) ? Unsupported : InvalidFormat;
        if (encoded.Length != length) return InvalidLength;
        return encoded.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') ? null : InvalidFormat;
    }

    public static bool IsValid(string text) => Validate(text) is null;
}
