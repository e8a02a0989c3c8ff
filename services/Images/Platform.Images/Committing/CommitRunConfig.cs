using System.Text.Json.Nodes;
using Platform.Images.Archives.Importing;

namespace Platform.Images.Committing;

/// <summary>
/// The run config a commit gives its image, as moby builds it: the config sent with the request (else the
/// container's own), the changes applied to it (Dockerfile instructions, 400 when invalid), then whatever it leaves
/// empty taken from the container's config (<see cref="RunConfigMerge"/>).
/// </summary>
public static class CommitRunConfig
{
    public static JsonObject For(JsonObject? requested, JsonObject container, IReadOnlyList<string> changes)
    {
        var config = (JsonObject)(requested ?? container).DeepClone();
        var run = ImageChanges.Apply(RunConfigJson.Read(config), changes);
        RunConfigJson.WriteInto(RunConfigMerge.Merge(run, RunConfigJson.Read(container)), config);
        if (config["Healthcheck"] is null && container["Healthcheck"] is { } healthcheck) config["Healthcheck"] = healthcheck.DeepClone();
        return config;
    }
}
