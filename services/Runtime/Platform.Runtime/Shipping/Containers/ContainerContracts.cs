using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Platform.Runtime.Containers.Model;
using Wire = Platform.Contracts.Runtime;

namespace Platform.Runtime.Shipping.Containers;

/// <summary>
/// A container fact and its container's facts → the integration contract Docker would report as an event, as JSON.
/// ContainerStartFailed maps to nothing: Docker has no event for a start that failed.
/// </summary>
public static class ContainerContracts
{
    static ContractJson Json => ContractJson.Default;

    public static (ContractName Name, byte[] Message)? From(ContainerEvent fact, ContainerFacts c, string hostId, long sequence) =>
        fact switch
        {
            ContainerCreated e => Contract(new Wire.ContainerCreated(e.Id, hostId, c.Name, c.Image, c.ImageId, c.Labels,
                sequence, e.CreatedAt), Json.ContainerCreated),
            ContainerStarted e => Contract(new Wire.ContainerStarted(e.Id, hostId, c.Name, c.Image, c.ImageId, c.Labels,
                sequence, e.StartedAt), Json.ContainerStarted),
            ContainerExited e => Contract(new Wire.ContainerExited(e.Id, hostId, c.Name, c.Image, c.ImageId, c.Labels,
                e.ExitCode, e.OomKilled, sequence, e.ExitedAt), Json.ContainerExited),
            ContainerKilled e => Contract(new Wire.ContainerKilled(e.Id, hostId, c.Name, c.Image, c.ImageId, c.Labels,
                e.Signal, sequence, e.KilledAt), Json.ContainerKilled),
            ContainerStopped e => Contract(new Wire.ContainerStopped(e.Id, hostId, c.Name, c.Image, c.ImageId, c.Labels,
                sequence, e.StoppedAt), Json.ContainerStopped),
            ContainerPaused e => Contract(new Wire.ContainerPaused(e.Id, hostId, c.Name, c.Image, c.ImageId, c.Labels,
                sequence, e.PausedAt), Json.ContainerPaused),
            ContainerUnpaused e => Contract(new Wire.ContainerUnpaused(e.Id, hostId, c.Name, c.Image, c.ImageId, c.Labels,
                sequence, e.UnpausedAt), Json.ContainerUnpaused),
            ContainerRenamed e => Contract(new Wire.ContainerRenamed(e.Id, hostId, c.Name, c.Image, c.ImageId, c.Labels,
                ContainerFacts.WithoutSlash(e.OldName), sequence, e.RenamedAt), Json.ContainerRenamed),
            ContainerDestroyed e => Contract(new Wire.ContainerDestroyed(e.Id, hostId, c.Name, c.Image, c.ImageId, c.Labels,
                sequence, e.DestroyedAt), Json.ContainerDestroyed),
            _ => null,
        };

    static (ContractName, byte[]) Contract<T>(T contract, JsonTypeInfo<T> json) =>
        (ContractNames<T>.Name, JsonSerializer.SerializeToUtf8Bytes(contract, json));

    static class ContractNames<T>
    {
        public static readonly ContractName Name = ContractName.Of<T>();
    }
}
