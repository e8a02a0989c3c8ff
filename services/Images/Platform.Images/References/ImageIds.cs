namespace Platform.Images.References;

/// <summary>Image ids ("sha256:" + 64 hex, the config digest) and the short forms users type.</summary>
public static class ImageIds
{
    public const string Prefix = "sha256:";

    /// <summary>The 12 hex digits Docker prints (TruncateID: without the algorithm).</summary>
    public static string Short(string id)
    {
        var hex = id.StartsWith(Prefix, StringComparison.Ordinal) ? id[Prefix.Length..] : id;
        return hex.Length > 12 ? hex[..12] : hex;
    }

    /// <summary>Whether what the user typed names the image by id (isImageIDPrefix): "sha256:ab…" or "ab…".</summary>
    public static bool IsIdPrefix(string imageId, string candidate) =>
        imageId.StartsWith(candidate, StringComparison.Ordinal) ||
        imageId.StartsWith(Prefix, StringComparison.Ordinal) && imageId[Prefix.Length..].StartsWith(candidate, StringComparison.Ordinal);

    /// <summary>
    /// The hex prefix an id search uses (digestset lookup): "sha256:" is optional, the rest 1–64 lowercase hex digits.
    /// </summary>
    public static bool TryGetSearchPrefix(string term, out string hexPrefix)
    {
        hexPrefix = term.StartsWith(Prefix, StringComparison.Ordinal) ? term[Prefix.Length..] : term;
        return hexPrefix.Length is > 0 and <= 64 && hexPrefix.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
    }
}
