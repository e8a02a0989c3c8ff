using Platform.Images.Content;

namespace Platform.Images.Distribution;

/// <summary>
/// An image in a registry, already normalised by the caller: <paramref name="Registry"/> is <c>host[:port]</c> as written
/// in references (<c>docker.io</c>, <c>localhost:5000</c>), <paramref name="Repository"/> the path (<c>library/busybox</c>).
/// When both a tag and a digest are given the digest is what gets fetched (Docker's rule).
/// </summary>
public sealed record RemoteReference(string Registry, string Repository, string? Tag = null, Digest? Digest = null)
{
    /// <summary>The tag or digest put in the manifests URL; <c>latest</c> when neither is given.</summary>
    public string Reference => Digest?.ToString() ?? Tag ?? "latest";

    /// <summary>Full name: <c>docker.io/library/busybox</c>, <c>localhost:5000/app</c>.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>Docker's familiar name: <c>busybox</c>, <c>user/app</c>, <c>localhost:5000/app</c>.</summary>
    public string FamiliarName
    {
        get
        {
            if (!DockerHub.Is(Registry)) return Name;
            var prefix = DockerHub.OfficialNamespace + "/";
            return Repository.StartsWith(prefix, StringComparison.Ordinal) && Repository.IndexOf('/', prefix.Length) < 0
                ? Repository[prefix.Length..]
                : Repository;
        }
    }

    /// <summary>Docker's familiar string: <c>busybox:latest</c>, <c>localhost:5000/app@sha256:…</c>.</summary>
    public string Familiar =>
        FamiliarName + (Tag is null && Digest is null ? ":latest" : "") + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    public RemoteReference WithTag(string? tag) => this with { Tag = tag };

    public override string ToString() => Familiar;
}
