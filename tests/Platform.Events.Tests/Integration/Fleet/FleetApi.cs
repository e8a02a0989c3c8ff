using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using MassTransit;
using RabbitMQ.Client;

namespace Platform.Events.Tests.Integration.Fleet;

/// <summary>GET /api/v1/fleet/* as a client sees it: its own copy of the JSON shapes, not the service's types.</summary>
public static class FleetApi
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> GetFleetAsync<T>(this HttpClient events, string pathAndQuery) =>
        await events.GetFromJsonAsync<T>("/api/v1/fleet/" + pathAndQuery, Json)
        ?? throw new InvalidOperationException($"GET /api/v1/fleet/{pathAndQuery} returned null");

    public static Task<List<Container>> ContainersAsync(this HttpClient events, string query) =>
        events.GetFleetAsync<ContainersList>("containers?" + query).ContinueWith(t => t.Result.Containers);

    public static Task<List<Image>> ImagesAsync(this HttpClient events, string host) =>
        events.GetFleetAsync<ImagesList>("images?host=" + host).ContinueWith(t => t.Result.Images);

    public static Task<List<Network>> NetworksAsync(this HttpClient events, string host) =>
        events.GetFleetAsync<NetworksList>("networks?host=" + host).ContinueWith(t => t.Result.Networks);

    /// <summary>The host, or null while the fleet view does not know it (404).</summary>
    public static async Task<Host?> HostAsync(this HttpClient events, string id)
    {
        using var response = await events.GetAsync("/api/v1/fleet/hosts/" + id);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Host>(Json);
    }

    /// <summary>As the runtime publishes: RabbitMQ.Client, the exchange named by [EntityName], typed by [MessageUrn].</summary>
    public static async Task PublishRawAsync<T>(this RawRabbit rabbit, T message) where T : notnull
    {
        var exchange = typeof(T).GetCustomAttribute<EntityNameAttribute>()!.EntityName;
        await rabbit.Channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await rabbit.PublishAsync(exchange, typeof(T).GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString(), Guid.NewGuid(), message);
    }

    public static string NewId() =>
        Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    public sealed record Host(
        string Id, string Hostname, string EngineVersion, string KernelVersion, int? Cpus, long? MemoryBytes,
        DateTimeOffset FirstSeenAt, DateTimeOffset? LastStartedAt, DateTimeOffset LastEventAt, DateTimeOffset? LastHeartbeatAt,
        bool Alive, int RunningContainers);

    public sealed record HostsList(List<Host> Hosts);

    public sealed record Container(
        string Id, string Host, string Name, string Image, Dictionary<string, string> Labels, string State, int? ExitCode,
        DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, DateTimeOffset LastChangeAt);

    public sealed record ContainersList(List<Container> Containers);

    public sealed record Image(string Id, string Host, List<string> RepoTags, List<string> RepoDigests, DateTimeOffset FirstSeenAt, DateTimeOffset LastChangeAt);

    public sealed record ImagesList(List<Image> Images);

    public sealed record Network(string Id, string Host, string Name, string Driver, List<string> Containers, DateTimeOffset CreatedAt, DateTimeOffset LastChangeAt);

    public sealed record NetworksList(List<Network> Networks);

    public sealed record ActivityList(List<EventsApi.EventView> Events);

    public sealed record Error(string Message);
}
