using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Rails;

/// <summary>A webhook receiver on loopback, subscribed through the gateway, gets a signed CloudEvent for `docker run`.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookTests(PlatformFixture platform)
{
    [Fact]
    public async Task Docker_run_reaches_a_subscribed_receiver_as_a_signed_cloud_event()
    {
        await using var receiver = new WebhookReceiver(WebhookReceiver.NewSecret());
        using var http = platform.CreateHttpClient();
        using var subscribed = await http.PostAsJsonAsync("/api/v1/subscriptions", new
        {
            url = receiver.Url,
            secret = receiver.Secret,
            filters = new { types = new[] { "container" }, actions = new[] { "start", "die" }, hosts = new[] { platform.HostId } },
            description = "end-to-end",
        });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var subscription = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        try
        {
            var host = platform.DockerHost("unix");
            var id = (await DockerCli.SucceedAsync(host, "run", "-d", PlatformFixture.Busybox, "sh", "-c", "exit 3")).Stdout.Trim();
            await DockerCli.SucceedAsync(host, "wait", id);
            await DockerCli.SucceedAsync(host, "rm", id);

            var got = await Eventually.PollAsync(() => Task.FromResult(receiver.Unique().Where(r => r.Json.GetProperty("data").GetProperty("id").GetString() == id).ToList()),
                r => r.Count >= 2, TimeSpan.FromSeconds(30));

            Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
            Assert.Equal(["platform.container.start", "platform.container.die"], got.Select(r => r.Json.GetProperty("type").GetString()));
            var die = got[1].Json;
            Assert.Equal($"/hosts/{platform.HostId}/runtime", die.GetProperty("source").GetString());
            Assert.Equal("3", die.GetProperty("data").GetProperty("Actor").GetProperty("Attributes").GetProperty("exitCode").GetString());
            Assert.Equal(got[1].WebhookId, die.GetProperty("id").GetString());
        }
        finally
        {
            await http.DeleteAsync($"/api/v1/subscriptions/{subscription}");
        }
    }
}
