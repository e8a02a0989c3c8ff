using System.Net;
using System.Text;
using Xunit;

namespace Platform.Events.Tests.Integration.Webhooks;

/// <summary>What a subscriber gets wrong is answered with a 4xx that says what, and nothing is created.</summary>
[Collection(EventsServiceCollection.Name)]
public sealed class SubscriptionBadInputTests(EventsServiceFixture fixture)
{
    const string Secret = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0";
    HttpClient Events => fixture.Events.Http;

    [Theory]
    [InlineData("""{"secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}""", "url is required")]
    [InlineData("""{"url":"ftp://127.0.0.1/x","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}""", "only http and https")]
    [InlineData("""{"url":"not a url","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}""", "not an absolute URL")]
    [InlineData("""{"url":"http://169.254.169.254/latest/meta-data","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}""", "link-local")]
    [InlineData("""{"url":"http://[fe80::1]/hook","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}""", "link-local")]
    [InlineData("""{"url":"http://metadata.google.internal/computeMetadata/v1/","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}""", "metadata")]
    [InlineData("""{"url":"http://user:pw@127.0.0.1/hook","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"}""", "credentials")]
    [InlineData("""{"url":"http://127.0.0.1/hook"}""", "secret is required")]
    [InlineData("""{"url":"http://127.0.0.1/hook","secret":"short"}""", "16 to 512 characters")]
    [InlineData("""{"url":"http://127.0.0.1/hook","secret":"whsec_not base64!!!!!!"}""", "base64")]
    [InlineData("""{"url":"http://127.0.0.1/hook","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0","filters":{"types":["containers"]}}""", "unknown type containers")]
    [InlineData("""{"url":"http://127.0.0.1/hook","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0","filters":{"types":"container"}}""", "$.filters.types")]
    [InlineData("""{"url":"http://127.0.0.1/hook","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0","filters":{"actions":[""]}}""", "filters.actions")]
    [InlineData("""{"url":"http://127.0.0.1/hook","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0","filters":{"labels":{"app":7}}}""", "$.filters.labels")]
    [InlineData("""{"url":"http://127.0.0.1/hook","secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0","filter":{"types":["container"]}}""", "unknown field")]
    [InlineData("""{"url":"http://127.0.0.1/hook",""", "not valid JSON")]
    [InlineData("", "a JSON body is required")]
    public async Task A_bad_subscription_is_a_400_that_names_the_mistake(string body, string expected)
    {
        var before = (await Events.GetJsonAsync("/api/v1/subscriptions")).Body.GetArrayLength();

        var (status, error) = await Events.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, error.GetProperty("message").GetString());
        Assert.Equal(before, (await Events.GetJsonAsync("/api/v1/subscriptions")).Body.GetArrayLength());
    }

    [Fact]
    public async Task An_oversized_body_is_413_and_a_non_json_body_is_415()
    {
        var huge = $$"""{"url":"http://127.0.0.1/hook","secret":"{{Secret}}","description":"{{new string('x', 70_000)}}"}""";
        var (status, error) = await Events.PostRawAsync(huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("64 KiB", error.GetProperty("message").GetString());

        using var text = await Events.PostAsync("/api/v1/subscriptions", new StringContent("url=http://127.0.0.1/", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Fact]
    public async Task Loopback_is_allowed_and_the_secret_never_comes_back()
    {
        var (status, created) = await Events.PostRawAsync($$"""{"url":"http://localhost:9/hook","secret":"{{Secret}}","description":"local"}""");
        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("id").GetString()!;
        try
        {
            var one = (await Events.GetJsonAsync($"/api/v1/subscriptions/{id}")).Body;
            var all = (await Events.GetJsonAsync("/api/v1/subscriptions")).Body;
            Assert.Equal("http://localhost:9/hook", one.GetProperty("url").GetString());
            Assert.Equal("local", one.GetProperty("description").GetString());
            foreach (var text in new[] { created.GetRawText(), one.GetRawText(), all.GetRawText() })
            {
                Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Secret, text);
            }
        }
        finally
        {
            await Events.DeleteAsync($"/api/v1/subscriptions/{id}");
        }
    }

    [Theory]
    [InlineData("GET", "/api/v1/subscriptions/0195f0e2-0000-7000-8000-000000000000")]
    [InlineData("DELETE", "/api/v1/subscriptions/0195f0e2-0000-7000-8000-000000000000")]
    [InlineData("GET", "/api/v1/subscriptions/not-an-id")]
    [InlineData("GET", "/api/v1/subscriptions/0195f0e2-0000-7000-8000-000000000000/deliveries")]
    [InlineData("POST", "/api/v1/subscriptions/0195f0e2-0000-7000-8000-000000000000/deliveries/0195f0e2-0000-7000-8000-000000000001/redeliver")]
    public async Task Unknown_ids_are_404(string method, string path)
    {
        using var response = await Events.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no such subscription", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_delivery_and_bad_delivery_queries_are_refused()
    {
        var id = await Events.SubscribeAsync("http://127.0.0.1:9/hook", Secret);
        try
        {
            var (missing, _) = await Events.RedeliverAsync(id, Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.NotFound, missing);
            Assert.Equal(HttpStatusCode.BadRequest, (await Events.GetJsonAsync($"/api/v1/subscriptions/{id}/deliveries?status=lost")).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await Events.GetJsonAsync($"/api/v1/subscriptions/{id}/deliveries?limit=0")).Status);
        }
        finally
        {
            await Events.DeleteAsync($"/api/v1/subscriptions/{id}");
        }
    }
}
