using System.Globalization;
using Platform.Runtime.Engine;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Containers.Logs;

/// <summary>GET /containers/{id}/logs: chunked, framed by the container's Tty, since/until/tail/timestamps/follow.</summary>
public static class GetContainerLogsEndpoint
{
    public static void MapContainerLogs(this IEndpointRouteBuilder app) =>
        app.MapGet("/containers/{id}/logs", async (string id, HttpContext context, ContainerStore store, ContainerLogs logs, TimeProvider time) =>
        {
            var request = context.Request;
            var c = store.Get(id);
            var (stdout, stderr) = (request.Flag("stdout"), request.Flag("stderr"));
            if (!stdout && !stderr) throw DockerApiException.BadRequest("Bad parameters: you must choose at least one stream");
            var now = time.GetUtcNow();
            var query = new LogQuery(stdout, stderr, Time(request.Value("since"), now, "since"), Time(request.Value("until"), now, "until"),
                Tail(request.Value("tail")), request.Flag("follow"));
            var multiplexed = !c.Config.Tty;
            context.Response.ContentType = multiplexed ? "application/vnd.docker.multiplexed-stream" : "application/vnd.docker.raw-stream";
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted); // the head now: clients block on it
            try
            {
                await logs.WriteAsync(c, query, context.Response.BodyWriter, multiplexed, request.Flag("timestamps"), context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
            }
        });

    /// <summary>"" and "0" mean no bound; otherwise Unix seconds with nanoseconds, a duration or an RFC 3339 time.</summary>
    static DateTimeOffset? Time(string value, DateTimeOffset now, string name) =>
        value is "" or "0" ? null : DockerTimestamps.Parse(value, now, name);

    static int? Tail(string value)
    {
        if (value is "" or "all") return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var negative) && negative < 0) return null;
        throw DockerApiException.BadRequest($"invalid value for \"tail\": {value}");
    }
}
