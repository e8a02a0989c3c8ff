using Platform.Runtime.Containers.Inspecting;

namespace Platform.Runtime.Containers.Listing;

/// <summary>One entry of GET /containers/json (docker-api.md §4.3): Created in Unix seconds, Names with "/".</summary>
public sealed record ContainerSummary(
    string Id, List<string> Names, string Image, string ImageID, string Command, long Created, List<PortJson> Ports,
    Dictionary<string, string> Labels, string State, string Status, SummaryHostConfig HostConfig,
    SummaryNetworkSettings NetworkSettings, List<MountJson> Mounts)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRw { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? SizeRootFs { get; init; }
}

public sealed record PortJson(int PrivatePort, string Type)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? IP { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int PublicPort { get; init; }
}

public sealed record SummaryHostConfig(string NetworkMode);

public sealed record SummaryNetworkSettings(Dictionary<string, EndpointJson> Networks);
