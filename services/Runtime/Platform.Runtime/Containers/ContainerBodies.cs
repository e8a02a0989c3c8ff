using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers;

/// <summary>Request bodies read whole, with a size cap (a huge body is a 400, never an out-of-memory).</summary>
public static class ContainerBodies
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max) throw DockerApiException.BadRequest($"request body too large (limit {max} bytes)");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > max) throw DockerApiException.BadRequest($"request body too large (limit {max} bytes)");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
