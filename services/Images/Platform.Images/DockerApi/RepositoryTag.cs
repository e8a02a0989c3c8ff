using Platform.Images.Images;
using Platform.Images.References;

namespace Platform.Images.DockerApi;

/// <summary>
/// The repo and tag parameters of tag and import (moby's RepoTagReference): repo arrives normalised or familiar, may
/// already carry a tag; a digest is refused; no tag means latest. An empty repo is no reference.
/// </summary>
public static class RepositoryTag
{
    public static ImageReference? Parse(string repo, string tag)
    {
        if (repo.Length == 0) return null;
        try
        {
            var reference = ImageReferences.ParseNormalized(repo);
            if (reference.IsCanonical) throw ImageError.BadRequest("cannot import digest reference");
            return tag.Length > 0 ? reference.WithTag(tag) : reference.WithDefaultTag();
        }
        catch (ReferenceFormatException error)
        {
            throw ImageError.BadRequest(error.Message);
        }
    }
}
