namespace Platform.Benchmarks.Scenarios;

/// <summary>Every scenario, in the order a default run executes them.</summary>
public static class ScenarioCatalog
{
    public static readonly IReadOnlyList<IScenario> All =
    [
        new CliVersion(),
        new ApiPing(),
        new ApiInfo(),
        new IdleRss(),
        new ImageTransfer(),
        new RunRm(),
        new RunRm(bridge: true),
        new RuncRun(),
        new ParallelRun(),
        new ParallelRun(bridge: true),
        new CreateStartLatency(),
        new EventDelivery(),
        new PerContainerRss(),
        new ContainerList(),
    ];

    public static IScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
