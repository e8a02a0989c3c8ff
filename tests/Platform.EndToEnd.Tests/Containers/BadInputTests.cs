using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.EndToEnd.Tests.Containers;

/// <summary>
/// Bad requests straight to the API (through the gateway): each is answered with the status Docker uses and a
/// `{"message"}` body, and the runtime carries on serving.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(PlatformFixture platform) : IDisposable
{
    readonly HttpClient _http = platform.CreateHttpClient();

    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    async Task<(int Status, string Message)> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, body.RootElement.GetProperty("message").GetString()!);
    }

    async Task<string> CreateAsync(string name, params string[] command)
    {
        using var response = await _http.PostAsync($"/v1.51/containers/create?name={name}",
            JsonContent.Create(new { Image = PlatformFixture.Busybox, Cmd = command }));
        Assert.True((int)response.StatusCode == 201, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetString()!;
    }

    async Task RemoveAsync(string id) => (await _http.DeleteAsync($"/containers/{id}?force=1")).EnsureSuccessStatusCode();

    /// <summary>The runtime process is alive and still creates, runs and removes a container.</summary>
    async Task AssertStillServingAsync()
    {
        Assert.False(platform.Services["Platform.Runtime"].HasExited);
        var run = await DockerCli.SucceedAsync(platform.DockerHost("unix"), "run", "--rm", PlatformFixture.Busybox, "echo", "alive");
        Assert.Equal("alive\n", run.Stdout);
    }

    static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData("{\"Image\":", "invalid JSON")]
    [InlineData("not json at all", "invalid JSON")]
    [InlineData("{\"Image\":\"busybox:latest\",\"Cmd\":5}", "invalid JSON")]
    [InlineData("{\"Image\":\"busybox:latest\",\"HostConfig\":{\"Memory\":\"lots\"}}", "invalid JSON")]
    [InlineData("", "invalid JSON: the body is empty")]
    [InlineData("{}", "No image specified")]
    public async Task A_create_body_that_is_not_a_container_config_is_a_400(string body, string message)
    {
        using var response = await _http.PostAsync("/v1.51/containers/create", Json(body));

        var (status, text) = await ErrorOf(response);
        Assert.Equal(400, status);
        Assert.StartsWith(message, text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_20_MB_body_is_a_400_and_the_runtime_carries_on(bool withLength)
    {
        var huge = "{\"Image\":\"busybox:latest\",\"Labels\":{\"x\":\"" + new string('a', 20 * 1024 * 1024) + "\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.51/containers/create") { Content = Json(huge) };
        request.Headers.TransferEncodingChunked = !withLength; // chunked: the size shows only while reading

        using var response = await _http.SendAsync(request);

        var (status, text) = await ErrorOf(response);
        Assert.Equal(400, status);
        Assert.StartsWith("request body too large", text);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("bad/name")]
    [InlineData("-leading-dash")]
    [InlineData("a")]
    [InlineData("sp ace")]
    public async Task An_invalid_name_is_a_400(string name)
    {
        using var response = await _http.PostAsync($"/v1.51/containers/create?name={Uri.EscapeDataString(name)}",
            JsonContent.Create(new { Image = PlatformFixture.Busybox }));

        Assert.Equal((400, $"Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"), await ErrorOf(response));
    }

    [Fact]
    public async Task A_name_in_use_is_a_409_naming_the_holder()
    {
        var name = NewName("taken");
        var id = await CreateAsync(name, "true");

        using var response = await _http.PostAsync($"/v1.51/containers/create?name=/{name}", JsonContent.Create(new { Image = PlatformFixture.Busybox }));

        Assert.Equal((409, $"Conflict. The container name \"/{name}\" is already in use by container \"{id}\". " +
            "You have to remove (or rename) that container to be able to reuse that name."), await ErrorOf(response));
        await RemoveAsync(id);
    }

    [Fact]
    public async Task An_unknown_image_is_a_404()
    {
        using var response = await _http.PostAsync("/v1.51/containers/create", JsonContent.Create(new { Image = "no-such-image-here" }));

        Assert.Equal((404, "No such image: no-such-image-here:latest"), await ErrorOf(response));
    }

    [Fact]
    public async Task Exec_in_a_container_that_is_not_running_is_a_409()
    {
        var id = await CreateAsync(NewName("stopped"), "true");

        using var response = await _http.PostAsync($"/v1.51/containers/{id}/exec", JsonContent.Create(new { Cmd = new[] { "true" } }));

        Assert.Equal((409, $"container {id} is not running"), await ErrorOf(response));
        await RemoveAsync(id);
    }

    [Fact]
    public async Task An_unknown_signal_is_a_400_and_the_container_keeps_running()
    {
        var id = await CreateAsync(NewName("signal"), "sleep", "300");
        (await _http.PostAsync($"/v1.51/containers/{id}/start", null)).EnsureSuccessStatusCode();

        using var kill = await _http.PostAsync($"/v1.51/containers/{id}/kill?signal=NOPE", null);
        using var stop = await _http.PostAsync($"/v1.51/containers/{id}/stop?signal=SIGNOPE", null);
        using var inspect = JsonDocument.Parse(await _http.GetStringAsync($"/v1.51/containers/{id}/json"));

        Assert.Equal((400, "Invalid signal: NOPE"), await ErrorOf(kill));
        Assert.Equal((400, "Invalid signal: SIGNOPE"), await ErrorOf(stop));
        Assert.Equal("running", inspect.RootElement.GetProperty("State").GetProperty("Status").GetString());
        await RemoveAsync(id);
    }

    [Theory]
    [InlineData("/v1.51/containers/nope/attach?stream=1&stdout=1", null, "No such container: nope")]
    [InlineData("/v1.51/containers/nope/exec", "{\"Cmd\":[\"true\"]}", "No such container: nope")]
    [InlineData("/v1.51/exec/nope/start", "{\"Detach\":false,\"Tty\":false}", "No such exec instance: nope")]
    [InlineData("/v1.51/exec/nope/resize?h=10&w=10", null, "No such exec instance: nope")]
    [InlineData("/v1.51/containers/nope/start", null, "No such container: nope")]
    [InlineData("/v1.51/containers/nope/wait", null, "No such container: nope")]
    public async Task Attach_and_exec_of_an_unknown_id_are_a_json_404(string path, string? body, string message)
    {
        using var response = await _http.PostAsync(path, body is null ? null : Json(body));

        Assert.Equal((404, message), await ErrorOf(response));
    }

    [Fact]
    public async Task Exec_inspect_of_an_unknown_id_is_a_json_404()
    {
        using var response = await _http.GetAsync("/v1.51/exec/nope/json");

        Assert.Equal((404, "No such exec instance: nope"), await ErrorOf(response));
    }

    public void Dispose() => _http.Dispose();
}
