using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>The Docker image routes as a client sees them: raw HTTP, JSON read as documents (no service types).</summary>
public static class ImagesApi
{
    public sealed record Reply(HttpStatusCode Status, string? ContentType, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        /// <summary>The messages of a JSON stream (CRLF-separated objects).</summary>
        public IReadOnlyList<JsonElement> Messages =>
            Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

        public string Message => Json.GetProperty("message").GetString()!;

        public override string ToString() => $"{(int)Status} {ContentType}: {Text}";
    }

    public static async Task<Reply> SendAsync(this HttpClient http, HttpMethod method, string path, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        }
        using var response = await http.SendAsync(request);
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }

    public static Task<Reply> FetchAsync(this HttpClient http, string path) => http.SendAsync(HttpMethod.Get, path);

    /// <summary>docker import: POST /images/create?fromSrc=-; returns the image id from the final status.</summary>
    public static async Task<string> ImportAsync(this HttpClient http, byte[] tar, string? repo = null, params string[] changes)
    {
        var reply = await http.ImportRawAsync(tar, repo, changes);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        return reply.Messages[^1].GetProperty("status").GetString()!;
    }

    public static Task<Reply> ImportRawAsync(this HttpClient http, byte[] tar, string? repo = null, params string[] changes)
    {
        var query = "fromSrc=-" + (repo is null ? "" : "&repo=" + Uri.EscapeDataString(repo)) +
                    string.Concat(changes.Select(c => "&changes=" + Uri.EscapeDataString(c)));
        return http.SendAsync(HttpMethod.Post, "/v1.51/images/create?" + query, tar);
    }

    public static async Task<JsonElement> InspectAsync(this HttpClient http, string name)
    {
        var reply = await http.FetchAsync($"/v1.51/images/{name}/json");
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        return reply.Json;
    }

    public static async Task<IReadOnlyList<JsonElement>> ListAsync(this HttpClient http, string? filters = null, bool all = false)
    {
        var query = (all ? "all=1&" : "") + (filters is null ? "" : "filters=" + Uri.EscapeDataString(filters));
        var reply = await http.FetchAsync("/v1.51/images/json?" + query);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        return reply.Json.EnumerateArray().ToList();
    }

    public static async Task TagAsync(this HttpClient http, string source, string repo, string tag)
    {
        var reply = await http.SendAsync(HttpMethod.Post, $"/v1.51/images/{source}/tag?repo={Uri.EscapeDataString(repo)}&tag={Uri.EscapeDataString(tag)}");
        Assert.True(reply.Status == HttpStatusCode.Created, reply.ToString());
    }

    public static Task<Reply> RemoveAsync(this HttpClient http, string name, bool force = false) =>
        http.SendAsync(HttpMethod.Delete, $"/v1.51/images/{name}" + (force ? "?force=1" : ""));

    public static Task<Reply> LoadAsync(this HttpClient http, byte[] archive) =>
        http.SendAsync(HttpMethod.Post, "/v1.51/images/load?quiet=1", archive);

    public static async Task<byte[]> SaveAsync(this HttpClient http, params string[] names)
    {
        var reply = await http.FetchAsync("/v1.51/images/get?" + string.Join('&', names.Select(n => "names=" + Uri.EscapeDataString(n))));
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Equal("application/x-tar", reply.ContentType);
        return reply.Body;
    }

    /// <summary>A filters parameter as clients send it: {"key":{"value":true},…}; a key may repeat.</summary>
    public static string Filters(params (string Key, string Value)[] pairs) =>
        JsonSerializer.Serialize(pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Value, _ => true)));

    /// <summary>The familiar tags of every image in a list answer.</summary>
    public static IEnumerable<string> Tags(this IEnumerable<JsonElement> images) =>
        images.SelectMany(i => i.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()!));

    public static IReadOnlyList<string> Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    public static IReadOnlyList<string> PropertyNames(this JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
