using System.Text.Json;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Creating;

/// <summary>The HostConfig and NetworkingConfig members of a create body (the rest of it is the Config itself).</summary>
public sealed class CreateExtras
{
    public HostConfig? HostConfig { get; set; }
    public NetworkingConfig? NetworkingConfig { get; set; }
}

public sealed class NetworkingConfig
{
    public Dictionary<string, EndpointSettings?>? EndpointsConfig { get; set; }
}

public sealed class EndpointSettings
{
    public List<string>? Aliases { get; set; }
    public List<string>? Links { get; set; }
    public string? MacAddress { get; set; }
    public EndpointIpamConfig? IPAMConfig { get; set; }

    public NetworkEndpointConfig ToConfig() =>
        new(Aliases is { Count: > 0 } ? Aliases : null, string.IsNullOrEmpty(IPAMConfig?.IPv4Address) ? null : IPAMConfig.IPv4Address,
            Links is { Count: > 0 } ? Links : null, string.IsNullOrEmpty(MacAddress) ? null : MacAddress);
}

public sealed class EndpointIpamConfig
{
    public string? IPv4Address { get; set; }
    public string? IPv6Address { get; set; }
}

public sealed record CreateRequest(ContainerConfig Config, HostConfig HostConfig, NetworkingConfig? Networking)
{
    public const int MaxBody = 8 * 1024 * 1024;

    /// <summary>Go's decoder semantics: names case-insensitive, unknown members ignored, wrong types a 400.</summary>
    public static CreateRequest Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) throw DockerApiException.BadRequest("invalid JSON: the body is empty; the container config is required");
        try
        {
            var config = JsonSerializer.Deserialize(body, ContainersJson.Default.ContainerConfig)
                ?? throw DockerApiException.BadRequest("config cannot be empty in order to create a container");
            var extras = JsonSerializer.Deserialize(body, ContainersJson.Default.CreateExtras) ?? new CreateExtras();
            return new CreateRequest(config, extras.HostConfig ?? new HostConfig(), extras.NetworkingConfig);
        }
        catch (JsonException error)
        {
            throw DockerApiException.BadRequest($"invalid JSON: {error.Message}");
        }
    }
}
