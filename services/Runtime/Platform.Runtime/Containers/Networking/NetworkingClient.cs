using System.Net.Http.Json;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Networking;

/// <summary>
/// The hot-path calls to this host's networking service: a sandbox when a container starts, its teardown when it
/// stops, endpoints for connect and disconnect, and network lookups at create. Errors come back in Docker's words.
/// </summary>
public sealed class NetworkingClient(HttpClient http)
{
    public Task<Sandbox> CreateSandboxAsync(SandboxRequest request, CancellationToken ct) =>
        SendAsync(() => http.PostAsJsonAsync("/_platform/sandboxes", request, ContainersJson.Default.SandboxRequest, ct),
            ContainersJson.Default.Sandbox, ct);

    public async Task RemoveSandboxAsync(string containerId, CancellationToken ct)
    {
        using var response = await CallAsync(() => http.DeleteAsync($"/_platform/sandboxes/{containerId}", ct));
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
            throw await ServiceErrors.FromAsync(response, "networking", ct);
    }

    public Task<AttachedEndpoint> ConnectAsync(string containerId, SandboxNetworkRequest request, CancellationToken ct) =>
        SendAsync(() => http.PostAsJsonAsync($"/_platform/sandboxes/{containerId}/endpoints", request, ContainersJson.Default.SandboxNetworkRequest, ct),
            ContainersJson.Default.AttachedEndpoint, ct);

    public async Task DisconnectAsync(string containerId, string network, CancellationToken ct)
    {
        using var response = await CallAsync(() => http.DeleteAsync($"/_platform/sandboxes/{containerId}/endpoints/{Uri.EscapeDataString(network)}", ct));
        if (!response.IsSuccessStatusCode) throw await ServiceErrors.FromAsync(response, "networking", ct);
    }

    /// <summary>The network a reference (id, name or id prefix) names; 404 in Docker's words when none.</summary>
    public Task<NetworkReference> FindNetworkAsync(string reference, CancellationToken ct) =>
        SendAsync(() => http.GetAsync($"/networks/{Uri.EscapeDataString(reference)}", ct), ContainersJson.Default.NetworkReference, ct);

    async Task<T> SendAsync<T>(Func<Task<HttpResponseMessage>> call, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> json, CancellationToken ct)
    {
        using var response = await CallAsync(call);
        if (!response.IsSuccessStatusCode) throw await ServiceErrors.FromAsync(response, "networking", ct);
        return await response.Content.ReadFromJsonAsync(json, ct) ?? throw new DockerApiException(500, "the networking service answered an empty body");
    }

    static async Task<HttpResponseMessage> CallAsync(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException error)
        {
            throw new DockerApiException(503, $"the networking service of this host is unreachable: {error.Message}");
        }
    }
}
