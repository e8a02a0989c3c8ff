using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Images.Images.Removing;

/// <summary>
/// Image usage asked of the host's runtime (<c>Platform:RuntimeUrl</c>) through its Docker API, GET
/// /containers/json?all=1, once per decision for every image at once. When the runtime cannot answer, the caller
/// gets <see cref="ImageUsageUnavailableException"/> (a 500): freeing what a container may use is never a guess.
/// </summary>
public sealed class RuntimeContainerUsage(HttpClient runtime) : IImageUsage
{
    public const string RuntimeUrlKey = "Platform:RuntimeUrl";

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ContainerUse>>> ContainersByImageAsync(string hostId, CancellationToken cancellationToken)
    {
        List<RuntimeContainer>? containers;
        try
        {
            using var response = await runtime.GetAsync("containers/json?all=1", cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new ImageUsageUnavailableException(runtime.BaseAddress, $"it answered {(int)response.StatusCode} {response.ReasonPhrase}");
            containers = await response.Content.ReadFromJsonAsync(RuntimeContainersJson.Default.ListRuntimeContainer, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new ImageUsageUnavailableException(runtime.BaseAddress, error.Message);
        }
        catch (JsonException error)
        {
            throw new ImageUsageUnavailableException(runtime.BaseAddress, $"its container list is not valid JSON: {error.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ImageUsageUnavailableException(runtime.BaseAddress, $"no answer within {runtime.Timeout.TotalSeconds:0} s");
        }
        return RuntimeContainers.ByImage(containers ?? []);
    }
}

/// <summary>The runtime could not say which containers use which images: nothing may be deleted meanwhile.</summary>
public sealed class ImageUsageUnavailableException(Uri? runtime, string reason)
    : Exception($"cannot tell which containers use images: the runtime at {runtime} is unavailable ({reason}); refusing to delete images meanwhile");
