namespace Platform.Runtime.DockerApi.System;

/// <summary>GET and HEAD /_ping: the headers clients negotiate from (Api-Version is added by the Docker middleware).</summary>
public static class Ping
{
    public static void MapPing(this WebApplication app) =>
        app.MapMethods("/_ping", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
        {
            var headers = context.Response.Headers;
            headers["Builder-Version"] = "1";
            headers["Swarm"] = "inactive";
            headers.CacheControl = "no-cache, no-store, must-revalidate";
            headers.Pragma = "no-cache";
            return HttpMethods.IsHead(context.Request.Method)
                ? Results.Text("", "text/plain; charset=utf-8")
                : Results.Text("OK", "text/plain; charset=utf-8");
        });
}
