using System.Text.Json.Serialization;

namespace Platform.Images.Images.Removing;

/// <summary>The fields of one GET /containers/json?all=1 item (Docker's container summary) that image usage reads.</summary>
public sealed record RuntimeContainer(string Id, string ImageID, string State)
{
    /// <summary>Docker counts paused and restarting containers as running (State.IsRunning): those block even a forced rmi.</summary>
    public bool IsRunning => State is "running" or "paused" or "restarting";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(List<RuntimeContainer>))]
public sealed partial class RuntimeContainersJson : JsonSerializerContext;

public static class RuntimeContainers
{
    /// <summary>Containers grouped by the image they were created from.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ContainerUse>> ByImage(IEnumerable<RuntimeContainer> containers) =>
        containers.Where(c => c.ImageID.Length > 0)
            .GroupBy(c => c.ImageID, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ContainerUse>)g.Select(c => new ContainerUse(c.Id, c.IsRunning)).ToList(),
                StringComparer.Ordinal);
}
