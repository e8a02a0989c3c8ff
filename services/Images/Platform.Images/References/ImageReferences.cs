namespace Platform.Images.References;

/// <summary>
/// Parsing as distribution/reference does it: <see cref="ParseNormalized"/> turns what a user typed into a full
/// reference (ParseNormalizedNamed), <see cref="ParseAny"/> also accepts image ids (ParseAnyReference), and the
/// error messages are Docker's own.
/// </summary>
public static class ImageReferences
{
    public const int MaxNameLength = 255;

    /// <summary>A familiar or full name, optionally with tag and digest: "busybox" → docker.io/library/busybox.</summary>
    public static ImageReference ParseNormalized(string text)
    {
        if (ReferenceGrammar.Identifier().IsMatch(text))
            throw new ReferenceFormatException($"invalid repository name ({text}), cannot specify 64-byte hexadecimal strings");
        var (domain, remainder) = SplitDockerDomain(text);
        var tagSeparator = remainder.IndexOf(':');
        var remote = tagSeparator >= 0 ? remainder[..tagSeparator] : remainder;
        if (remote.ToLowerInvariant() != remote)
            throw new ReferenceFormatException($"{ReferenceFormatException.InvalidFormat}: repository name ({remote}) must be lowercase");
        return Parse(domain + "/" + remainder);
    }

    public static bool TryParseNormalized(string text, out ImageReference reference)
    {
        try
        {
            reference = ParseNormalized(text);
            return true;
        }
        catch (ReferenceFormatException)
        {
            reference = null!;
            return false;
        }
    }

    /// <summary>An image id (64 hex, or sha256:64 hex) or a reference, as ParseAnyReference decides.</summary>
    public static ParsedName ParseAny(string text)
    {
        if (ReferenceGrammar.Identifier().IsMatch(text)) return new ParsedName(null, "sha256:" + text);
        if (DigestText.IsValid(text)) return new ParsedName(null, text);
        return new ParsedName(ParseNormalized(text), null);
    }

    /// <summary>A reference exactly as written (no normalisation): Parse.</summary>
    public static ImageReference Parse(string text)
    {
        if (text.Length == 0) throw new ReferenceFormatException("repository name must have at least one component");
        var match = ReferenceGrammar.Reference().Match(text);
        if (!match.Success)
        {
            var lower = text.ToLowerInvariant();
            throw new ReferenceFormatException(lower != text && ReferenceGrammar.Reference().IsMatch(lower)
                ? "repository name must be lowercase"
                : ReferenceFormatException.InvalidFormat);
        }
        var name = ReferenceGrammar.Name().Match(match.Groups[1].Value);
        var (domain, path) = name.Success ? (name.Groups[1].Value, name.Groups[2].Value) : ("", match.Groups[1].Value);
        if (path.Length > MaxNameLength)
            throw new ReferenceFormatException($"repository name must not be more than {MaxNameLength} characters");
        string? digest = null;
        if (match.Groups[3].Success)
        {
            digest = match.Groups[3].Value;
            if (DigestText.Validate(digest) is { } problem) throw new ReferenceFormatException(problem);
        }
        return new ImageReference(domain, path, match.Groups[2].Success ? match.Groups[2].Value : null, digest);
    }

    /// <summary>
    /// splitDockerDomain: the first component is a domain when it is "localhost", contains "." or ":", or has
    /// uppercase letters; otherwise the name lives on Docker Hub, and a single component goes under library/.
    /// </summary>
    static (string Domain, string Remainder) SplitDockerDomain(string name)
    {
        var slash = name.IndexOf('/');
        if (slash < 0) return (ImageReference.DefaultDomain, ImageReference.OfficialRepositoryPrefix + name);

        var maybeDomain = name[..slash];
        var maybeRemainder = name[(slash + 1)..];
        var (domain, remainder) = maybeDomain switch
        {
            "localhost" => (maybeDomain, maybeRemainder),
            ImageReference.LegacyDefaultDomain => (ImageReference.DefaultDomain, maybeRemainder),
            _ when maybeDomain.AsSpan().IndexOfAny('.', ':') >= 0 => (maybeDomain, maybeRemainder),
            _ when maybeDomain.ToLowerInvariant() != maybeDomain => (maybeDomain, maybeRemainder),
            _ => (ImageReference.DefaultDomain, name),
        };
        if (domain == ImageReference.DefaultDomain && !remainder.Contains('/'))
            remainder = ImageReference.OfficialRepositoryPrefix + remainder;
        return (domain, remainder);
    }
}

/// <summary>What ParseAnyReference found: a reference, or an image id ("sha256:…").</summary>
public sealed record ParsedName(ImageReference? Reference, string? ImageId);
