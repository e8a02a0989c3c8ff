using Platform.Images.References;

namespace Platform.Images.Images.Removing;

/// <summary>
/// docker rmi NAME, as moby's ImageDelete decides it. By reference: that reference is untagged, and the image is
/// deleted only when no reference remains and no container uses it (forced past a container, the image stays dangling).
/// By id: the image is deleted with its references, unless references from several repositories remain (409 without
/// force) or containers use it (a stopped one: 409 without force; a running one: 409 even with force).
/// </summary>
public sealed record RemoveImage(string Name, bool Force)
{
    public static Removal Decide(Image image, RemoveImage command, IReadOnlyList<ContainerUse> containers, DateTimeOffset now)
    {
        if (image.Deleted) throw ImageError.NotFound(command.Name);
        var removal = new RemovalBuilder(image, image.ParsedReferences().ToList(), now);
        var quiet = false;
        if (!ImageIds.IsIdPrefix(image.ImageId, command.Name))
        {
            if (!command.Force && IsSingleReference(removal.Remaining) && containers.Count > 0)
                throw ImageError.Conflict($"conflict: unable to remove repository reference \"{command.Name}\" (must force) - " +
                    $"container {ImageIds.Short(containers[0].ContainerId)} is using its referenced image {ImageIds.Short(image.ImageId)}");

            var reference = ImageReferences.ParseNormalized(command.Name).ForLookup();
            removal.Untag(reference);
            // A tag gone and no other tag of its repository left: its repository digests go too.
            if (!reference.IsCanonical && !removal.Remaining.Any(r => !r.IsCanonical && r.Name == reference.Name))
                foreach (var digest in removal.Remaining.Where(r => r.IsCanonical && r.Name == reference.Name).ToList())
                    removal.Untag(digest);
            if (removal.Remaining.Count > 0) return removal.Build();
            // Forced past a container that uses it: the image stays, dangling, for that container (moby's softImageDelete).
            if (containers.Count > 0) return removal.Build();
            quiet = true;
        }
        else if (IsSingleReference(removal.Remaining))
        {
            if (Conflict(image, removal.Remaining, containers, softChecks: !command.Force, referenceCheck: false) is { } conflict)
                throw conflict.Error;
            removal.UntagAll();
        }

        if (Conflict(image, removal.Remaining, containers, softChecks: !command.Force, referenceCheck: !command.Force) is { } blocking)
        {
            if (quiet && (removal.Remaining.Count > 0 || blocking.Used)) return removal.Build();
            throw blocking.Error;
        }
        removal.UntagAll();
        removal.Delete();
        return removal.Build();
    }

    /// <summary>isSingleReference: at most one tag, and every reference in that one repository.</summary>
    public static bool IsSingleReference(IReadOnlyList<ImageReference> references)
    {
        if (references.Count <= 1) return references.Count == 1;
        var tags = references.Where(r => !r.IsCanonical).ToList();
        if (tags.Count > 1) return false;
        var single = tags.Count == 1 ? tags[0] : references[0];
        var digestRepositories = references.Where(r => r.IsCanonical).Select(r => r.Name).Distinct().ToList();
        return digestRepositories.Count == 1 && digestRepositories[0] == single.Name;
    }

    sealed record Blocked(ImageError Error, bool Used);

    /// <summary>checkImageDeleteConflict: running containers always block; references and stopped containers unless forced.</summary>
    static Blocked? Conflict(Image image, IReadOnlyList<ImageReference> references, IReadOnlyList<ContainerUse> containers,
        bool softChecks, bool referenceCheck)
    {
        var id = ImageIds.Short(image.ImageId);
        if (containers.FirstOrDefault(c => c.Running) is { } running)
            return new(ImageError.Conflict($"conflict: unable to delete {id} (cannot be forced) - image is being used by running container {ImageIds.Short(running.ContainerId)}"), Used: true);
        if (referenceCheck && references.Count > 0)
            return new(ImageError.Conflict($"conflict: unable to delete {id} (must be forced) - image is referenced in multiple repositories"), Used: false);
        if (softChecks && containers.FirstOrDefault(c => !c.Running) is { } stopped)
            return new(ImageError.Conflict($"conflict: unable to delete {id} (must be forced) - image is being used by stopped container {ImageIds.Short(stopped.ContainerId)}"), Used: true);
        return null;
    }
}
