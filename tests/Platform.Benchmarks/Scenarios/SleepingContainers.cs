using Docker.DotNet;
using Docker.DotNet.Models;
using Platform.Benchmarks.Engines;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// Containers a scenario keeps running (`sleep 300` in the busybox image, no network unless asked), labelled
/// with the scenario's name so that all of them are found and removed afterwards, also after a failure.
/// </summary>
public static class SleepingContainers
{
    public const string ScenarioLabel = "platform-bench.scenario";
    public static readonly string[] Command = ["sleep", "300"];

    /// <summary>`docker run -d` arguments up to the image.</summary>
    public static string[] RunOptions(string scenario) => ["run", "-d", "--label", $"{ScenarioLabel}={scenario}"];

    /// <summary>POST /containers/create, then POST /containers/{id}/start unless <paramref name="start"/> is false; the id.</summary>
    public static async Task<string> CreateAsync(DockerClient client, string scenario, string image, bool start, CancellationToken ct,
        params (string Key, string Value)[] labels)
    {
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Cmd = Command,
            Labels = labels.Append((ScenarioLabel, scenario)).ToDictionary(l => l.Item1, l => l.Item2),
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, ct);
        if (start && !await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), ct))
            throw new InvalidOperationException($"POST /containers/{created.ID}/start: the container was already started");
        return created.ID;
    }

    /// <summary>
    /// `docker rm -f` of every container with the scenario's label; best effort (a failure is only printed), and
    /// given its own minute even when the run is being interrupted, so the platform is not left with them.
    /// </summary>
    public static async Task RemoveAllAsync(Engine engine, ScenarioContext context, string scenario)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            var ids = (await Cli.RunAsync(engine, context, ["ps", "-aq", "--no-trunc", "--filter", $"label={ScenarioLabel}={scenario}"], timeout.Token))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Length > 0)
                await Cli.RunAsync(engine, context, ["rm", "-f", .. ids], timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            Console.Error.WriteLine($"  {scenario} on {engine.Name}: could not remove its containers: {e.Message.Split('\n')[0]}");
        }
    }
}
