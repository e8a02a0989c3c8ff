using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// The platform's own account of where a run's time went: the runtime times each phase (GET /api/v1/runtime/phases
/// through the gateway); a scenario clears it before its first round and records each phase's median after its last,
/// as platform-only rows ("phase start.oci-create median").
/// </summary>
public static class RunPhaseBreakdown
{
    const string Route = "api/v1/runtime/phases";

    public static async Task BeginAsync(Engine engine, ScenarioContext context, CancellationToken ct)
    {
        if (engine is not PlatformEngine || !context.FirstRound) return;
        using var http = engine.Endpoint.CreateHttpClient(TimeSpan.FromSeconds(10));
        (await http.DeleteAsync(Route, ct)).EnsureSuccessStatusCode();
    }

    public static async Task EndAsync(Engine engine, ScenarioContext context, int rounds, CancellationToken ct)
    {
        if (engine is not PlatformEngine || context.Round != rounds - 1) return;
        using var http = engine.Endpoint.CreateHttpClient(TimeSpan.FromSeconds(10));
        var phases = await http.GetFromJsonAsync<List<Phase>>(Route, ct) ?? [];
        foreach (var phase in phases)
            context.Record(engine, $"phase {phase.Name} median", "ms", phase.P50Ms);
    }

    sealed record Phase([property: JsonPropertyName("phase")] string Name, [property: JsonPropertyName("p50Ms")] double P50Ms);
}
