using System.Text.Json;
using Xunit;

namespace Platform.Events.Tests.Integration;

/// <summary>The platform API describes itself: GET /api/v1/openapi.json lists the events and subscription routes.</summary>
[Collection(EventsServiceCollection.Name)]
public sealed class OpenApiTests(EventsServiceFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_lists_the_events_and_subscriptions_api()
    {
        using var document = JsonDocument.Parse(await fixture.Events.Http.GetStringAsync("/api/v1/openapi.json"));
        var paths = document.RootElement.GetProperty("paths");

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        foreach (var path in new[]
                 {
                     "/api/v1/events", "/api/v1/events/stream", "/api/v1/subscriptions", "/api/v1/subscriptions/{id}",
                     "/api/v1/subscriptions/{id}/deliveries", "/api/v1/subscriptions/{id}/deliveries/{deliveryId}/redeliver",
                 })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the document: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        Assert.True(paths.GetProperty("/api/v1/subscriptions").TryGetProperty("post", out var post));
        Assert.True(post.TryGetProperty("requestBody", out _));
    }
}
