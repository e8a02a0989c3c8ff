using System.Text.Json.Serialization;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Diagnostics;

/// <summary>GET /api/v1/runtime/phases (through the gateway): the phase breakdown of recent runs; DELETE starts a new measurement.</summary>
public static class PhasesEndpoint
{
    public const string Route = "/api/v1/runtime/phases";

    public static void MapRunPhases(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, (RunPhases phases) => DockerJsonResults.Json(phases.Summaries(), PhasesJson.Default.ListPhaseSummary));
        app.MapDelete(Route, (RunPhases phases) =>
        {
            phases.Reset();
            return Results.NoContent();
        });
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<PhaseSummary>))]
public sealed partial class PhasesJson : JsonSerializerContext;
