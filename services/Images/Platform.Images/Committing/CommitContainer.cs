using System.Text.Json.Nodes;
using Platform.Images.References;

namespace Platform.Images.Committing;

/// <summary>
/// docker commit: make an image of <paramref name="Container"/>'s changes, tagged <paramref name="Tag"/> when given,
/// with <paramref name="Config"/> (null: the container's) edited by <paramref name="Changes"/>; pause it meanwhile.
/// </summary>
public sealed record CommitContainer(string Container, ImageReference? Tag, string Comment, string Author, bool Pause,
    IReadOnlyList<string> Changes, JsonObject? Config);
