using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Events.Tests.Integration.Webhooks;

/// <summary>/api/v1/subscriptions as a client sees it: plain JSON, no service types.</summary>
public static class SubscriptionsClient
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(this HttpClient events, string json)
    {
        using var response = await events.PostAsync("/api/v1/subscriptions", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <returns>the new subscription's id.</returns>
    public static async Task<string> SubscribeAsync(this HttpClient events, string url, string secret, object? filters = null)
    {
        var request = new JsonObject { ["url"] = url, ["secret"] = secret, ["description"] = "test" };
        if (filters is not null) request["filters"] = JsonSerializer.SerializeToNode(filters, JsonSerializerOptions.Web);
        var (status, body) = await events.PostRawAsync(request.ToJsonString());
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"subscribe: {(int)status} {body}");
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient events, string path)
    {
        using var response = await events.GetAsync(path);
        return (response.StatusCode, await BodyAsync(response));
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(this HttpClient events, string subscription, string query = "")
    {
        var (status, body) = await events.GetJsonAsync($"/api/v1/subscriptions/{subscription}/deliveries?{query}");
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"deliveries: {(int)status} {body}");
        return [.. body.GetProperty("deliveries").EnumerateArray()];
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> RedeliverAsync(this HttpClient events, string subscription, string delivery)
    {
        using var response = await events.PostAsync($"/api/v1/subscriptions/{subscription}/deliveries/{delivery}/redeliver", null);
        return (response.StatusCode, await BodyAsync(response));
    }

    static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
