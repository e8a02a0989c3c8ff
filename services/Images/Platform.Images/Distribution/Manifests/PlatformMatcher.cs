namespace Platform.Images.Distribution.Manifests;

/// <summary>
/// Picks an index entry for a platform: os and architecture must match; a requested variant must match
/// (arm64's implied <c>v8</c> included); without one, a variant-less entry wins over variants. First match wins, as
/// the image spec asks. Entries without a platform (attestations, artifacts) never match.
/// </summary>
public static class PlatformMatcher
{
    public static OciDescriptor? Select(IEnumerable<OciDescriptor> entries, ImagePlatform wanted)
    {
        var candidates = entries
            .Where(e => e.Platform is { } p
                && p.Os.Equals(wanted.Os, StringComparison.OrdinalIgnoreCase)
                && p.Architecture.Equals(wanted.Architecture, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (wanted.Variant is { Length: > 0 } variant)
            return candidates.FirstOrDefault(e => Variant(e.Platform!) == Normalize(wanted.Architecture, variant));
        return candidates.FirstOrDefault(e => string.IsNullOrEmpty(e.Platform!.Variant)
                || Variant(e.Platform!) == DefaultVariant(wanted.Architecture))
            ?? candidates.FirstOrDefault();
    }

    static string? Variant(ImagePlatform p) => Normalize(p.Architecture, p.Variant) ?? DefaultVariant(p.Architecture);

    static string? Normalize(string architecture, string? variant) =>
        string.IsNullOrEmpty(variant) ? null : variant.ToLowerInvariant() is var v && architecture == "arm64" && v == "8" ? "v8" : variant.ToLowerInvariant();

    static string? DefaultVariant(string architecture) => architecture.ToLowerInvariant() switch
    {
        "arm64" => "v8",
        "amd64" => "v1",
        _ => null,
    };
}
