using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Outages;

/// <summary>Every container event of a platform's host in the state log, page by page, through the gateway.</summary>
public static class ContainerEvents
{
    public static async Task<List<(string Id, long Position, string Actor, string Action)>> AllAsync(PlatformFixture platform)
    {
        using var http = platform.CreateHttpClient();
        var all = new List<(string, long, string, string)>();
        long after = 0;
        while (true)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/events?type=container&host={platform.HostId}&limit=1000&after={after}"));
            all.AddRange(page.RootElement.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("id").GetString()!,
                e.GetProperty("position").GetInt64(), e.GetProperty("actorId").GetString()!, e.GetProperty("action").GetString()!)));
            if (page.RootElement.GetProperty("next").ValueKind != JsonValueKind.Number) return all;
            after = page.RootElement.GetProperty("next").GetInt64();
        }
    }
}
