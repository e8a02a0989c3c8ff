using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Events.Tests.Integration;

/// <summary>GET /api/v1/events as a client sees it: its own copy of the JSON shape, not the service's types.</summary>
public static class EventsApi
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<EventsPage> ListAsync(this HttpClient events, string query)
    {
        var page = await events.GetFromJsonAsync<EventsPage>("/api/v1/events?" + query, Json);
        return page ?? throw new InvalidOperationException("GET /api/v1/events returned null");
    }

    public sealed record EventsPage(List<EventView> Events, long? Next);

    public sealed record EventView(
        long Position, Guid Id, string Type, string Action, string Host, string Service,
        string ActorId, Dictionary<string, string> Attributes, DateTimeOffset Time);
}
