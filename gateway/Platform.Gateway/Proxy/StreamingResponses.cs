using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.Proxy;

/// <summary>
/// YARP (2.3) holds a response's headers back until the first body byte arrives. Docker's <c>/wait</c> sends
/// its headers and then blocks until the container exits, and clients wait for those headers (docker-api.md §9),
/// so a response streamed without a Content-Length has its headers flushed as soon as they arrive.
/// (Kestrel's <c>Response.StartAsync()</c> alone sends nothing: a backend must flush too.)
/// </summary>
public static class StreamingResponses
{
    public static async ValueTask SendHeadersNow(ResponseTransformContext context)
    {
        if (context.ProxyResponse is not { } response || context.HttpContext.Response.HasStarted) return;
        var status = (int)response.StatusCode;
        if (status is < 200 or 204 or 304 || response.Content.Headers.ContentLength is not null) return;
        if (HttpMethods.IsHead(context.HttpContext.Request.Method)) return;
        await context.HttpContext.Response.Body.FlushAsync(context.CancellationToken);   // StartAsync alone does not send
    }
}
