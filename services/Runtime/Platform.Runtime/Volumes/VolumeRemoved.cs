namespace Platform.Runtime.Volumes;

/// <summary>
/// Journaled when a volume is removed (docker volume rm, prune, rm -v). Carries the driver so the entry alone says
/// everything Docker's "destroy" event reports.
/// </summary>
public sealed record VolumeRemoved(string Name, string Driver, DateTimeOffset RemovedAt)
{
    public const string Type = "volume-removed";
}
