using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// Pull and push through the Docker API against a registry behind htpasswd: without credentials (or with wrong ones)
/// a 401 before any output, so the CLI can ask for a login; with X-Registry-Auth as the CLI sends it after docker
/// login, the transfer works.
/// </summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class RegistryAuthTests(ImagesPlatformFixture platform, AuthenticatedRegistryServer registry) : IClassFixture<AuthenticatedRegistryServer>
{
    HttpClient A => platform.ImagesA.Http;
    string Repository => $"localhost:{registry.Port}";

    [Fact]
    public async Task Without_credentials_pull_and_push_are_401_and_with_them_they_work()
    {
        var name = $"{Repository}/auth{Guid.NewGuid():N}"[..(Repository.Length + 13)];
        var id = await A.ImportAsync(RootFilesystems.Tiny(name), name + ":1");

        var anonymousPush = await SendAsync(HttpMethod.Post, $"/v1.51/images/{name}/push?tag=1", auth: null);
        var wrongPush = await SendAsync(HttpMethod.Post, $"/v1.51/images/{name}/push?tag=1", Auth("tester", "wrong"));
        var push = await SendAsync(HttpMethod.Post, $"/v1.51/images/{name}/push?tag=1", Auth("tester", "s3cret"));
        Assert.Equal(HttpStatusCode.OK, (await A.RemoveAsync(name + ":1")).Status);
        var anonymousPull = await SendAsync(HttpMethod.Post, $"/v1.51/images/create?fromImage={name}&tag=1", auth: null);
        var pull = await SendAsync(HttpMethod.Post, $"/v1.51/images/create?fromImage={name}&tag=1", Auth("tester", "s3cret"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousPush.Status);
        Assert.Contains("authentication required", anonymousPush.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPush.Status);
        Assert.True(push.Status == HttpStatusCode.OK && !push.Text.Contains("errorDetail"), push.ToString());
        Assert.Equal((HttpStatusCode.Unauthorized, "application/json"), (anonymousPull.Status, anonymousPull.ContentType));
        Assert.Contains("authentication required", anonymousPull.Message);
        Assert.True(pull.Status == HttpStatusCode.OK && !pull.Text.Contains("errorDetail"), pull.ToString());
        Assert.Equal(id, (await A.InspectAsync(name + ":1")).GetProperty("Id").GetString());
    }

    string Auth(string user, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = password, ["serveraddress"] = Repository,
        }))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    async Task<ImagesApi.Reply> SendAsync(HttpMethod method, string path, string? auth)
    {
        using var request = new HttpRequestMessage(method, path);
        if (auth is not null) request.Headers.Add("X-Registry-Auth", auth);
        using var response = await A.SendAsync(request);
        return new ImagesApi.Reply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }
}
