using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Networking.Tests.Integration;

/// <summary>The Docker API as a client sees it: raw JSON in and out, no service types.</summary>
public static class NetworksApi
{
    public sealed record Reply(HttpStatusCode Status, string? ContentType, JsonNode? Body)
    {
        public string Message => Body?["message"]?.GetValue<string>() ?? throw new InvalidOperationException($"no message in {Status}: {Body}");
    }

    public static Task<Reply> PostJsonAsync(this HttpClient http, string path, string json) =>
        SendAsync(http, new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static Task<Reply> GetJsonAsync(this HttpClient http, string path) => SendAsync(http, new HttpRequestMessage(HttpMethod.Get, path));

    public static Task<Reply> DeleteJsonAsync(this HttpClient http, string path) => SendAsync(http, new HttpRequestMessage(HttpMethod.Delete, path));

    /// <summary>Creates a network and returns its id (asserting the 201).</summary>
    public static async Task<string> CreateNetworkAsync(this HttpClient http, string json)
    {
        var reply = await http.PostJsonAsync("/v1.51/networks/create", json);
        Assert.True(reply.Status == HttpStatusCode.Created, $"create answered {(int)reply.Status}: {reply.Body}");
        return reply.Body!["Id"]!.GetValue<string>();
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    static async Task<Reply> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
