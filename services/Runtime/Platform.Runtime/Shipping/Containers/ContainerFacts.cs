using Platform.Runtime.Containers.Model;

namespace Platform.Runtime.Shipping.Containers;

/// <summary>
/// What every container contract repeats and the later journal facts do not carry: the name (without "/"), the image
/// as the user gave it, the image id, the labels.
/// </summary>
public sealed record ContainerFacts(string Name, string Image, string ImageId, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>For a fact about a container the journal never created (not expected; shipped with what is known).</summary>
    public static readonly ContainerFacts Unknown = new("", "", "", new Dictionary<string, string>());

    public static ContainerFacts Of(ContainerCreated created) => new(
        WithoutSlash(created.Name),
        created.Config.Image,
        created.ImageId,
        new Dictionary<string, string>(created.Config.Labels ?? [], StringComparer.Ordinal));

    public ContainerFacts RenamedTo(string name) => this with { Name = WithoutSlash(name) };

    public static string WithoutSlash(string name) => name.StartsWith('/') ? name[1..] : name;
}
