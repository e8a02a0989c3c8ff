using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>POST /_platform/images/prepare as runtime calls it.</summary>
public static class Prepare
{
    public static async Task<ImagesApi.Reply> PrepareRawAsync(this HttpClient http, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await SendAsync(http, content);
    }

    public static Task<ImagesApi.Reply> PrepareRawForAsync(this HttpClient http, string image) =>
        http.PrepareRawAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["image"] = image }));

    public static async Task<JsonElement> PrepareAsync(this HttpClient http, string image)
    {
        var reply = await http.PrepareRawForAsync(image);
        Assert.True(reply.Status == HttpStatusCode.OK && reply.ContentType == "application/json", reply.ToString());
        return reply.Json;
    }

    static async Task<ImagesApi.Reply> SendAsync(HttpClient http, HttpContent content)
    {
        using var response = await http.PostAsync("/_platform/images/prepare", content);
        return new ImagesApi.Reply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }
}
