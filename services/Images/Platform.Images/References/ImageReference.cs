namespace Platform.Images.References;

/// <summary>
/// A normalised image reference, <c>domain/path[:tag][@digest]</c> (distribution/reference's grammar):
/// <c>busybox</c> is <c>docker.io/library/busybox</c>. <see cref="ToString"/> is the full form, the one stored and
/// indexed; <see cref="Familiar"/> is the short form Docker shows (<c>busybox:latest</c>, <c>localhost:5000/app:1</c>).
/// </summary>
public sealed record ImageReference(string Domain, string Path, string? Tag, string? Digest)
{
    public const string DefaultDomain = "docker.io";
    public const string LegacyDefaultDomain = "index.docker.io";
    public const string OfficialRepositoryPrefix = "library/";
    public const string DefaultTag = "latest";

    /// <summary>The repository: domain and path, without tag or digest.</summary>
    public string Name => Domain.Length == 0 ? Path : Domain + "/" + Path;

    public bool IsNameOnly => Tag is null && Digest is null;
    public bool IsCanonical => Digest is not null;
    public bool IsTagged => Tag is not null;

    /// <summary>The repository as Docker shows it: without docker.io, and without library/ for official images.</summary>
    public string FamiliarName
    {
        get
        {
            if (Domain != DefaultDomain) return Name;
            var remainder = Path.StartsWith(OfficialRepositoryPrefix, StringComparison.Ordinal) ? Path[OfficialRepositoryPrefix.Length..] : null;
            return remainder is not null && !remainder.Contains('/') ? remainder : Path;
        }
    }

    /// <summary>The whole reference as Docker shows it: <c>busybox:latest</c>, <c>app@sha256:…</c>.</summary>
    public string Familiar => FamiliarName + Suffix;

    /// <summary>Adds <c>:latest</c> to a bare name (TagNameOnly); a tagged or digested reference is unchanged.</summary>
    public ImageReference WithDefaultTag() => IsNameOnly ? this with { Tag = DefaultTag } : this;

    /// <summary>The reference an image store resolves: with both a tag and a digest, the digest wins.</summary>
    public ImageReference ForLookup() => Digest is not null ? this with { Tag = null } : WithDefaultTag();

    /// <summary>Only the repository name.</summary>
    public ImageReference TrimmedToName() => this with { Tag = null, Digest = null };

    /// <summary>This repository with another tag (and no digest); throws "invalid tag format" for a bad tag.</summary>
    public ImageReference WithTag(string tag) =>
        ReferenceGrammar.IsTag(tag) ? this with { Tag = tag, Digest = null } : throw new ReferenceFormatException("invalid tag format");

    public override string ToString() => Name + Suffix;

    string Suffix => (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);
}
