using Platform.Images.Distribution.Errors;

namespace Platform.Images.Distribution.Transport;

internal static class Bodies
{
    /// <summary>Reads a small body (manifest, config) whole, refusing more than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]> ReadLimitedAsync(HttpContent content, long limit, string what, CancellationToken ct)
    {
        if (content.Headers.ContentLength is > 0 and var declared && declared > limit)
            throw new RegistryException($"{what} is too large ({declared} bytes, limit {limit})", 500);
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > limit) throw new RegistryException($"{what} is too large (limit {limit} bytes)", 500);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
