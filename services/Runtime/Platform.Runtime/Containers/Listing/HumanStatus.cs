using Platform.Runtime.Containers.Model;

namespace Platform.Runtime.Containers.Listing;

/// <summary>The Status column of docker ps ("Up 5 seconds", "Exited (0) 3 minutes ago"), with Go's units.HumanDuration.</summary>
public static class HumanStatus
{
    public static string Of(Container c, DateTimeOffset now) => c.Status switch
    {
        ContainerStatus.Running => "Up " + Duration(now - c.StartedAt),
        ContainerStatus.Paused => "Up " + Duration(now - c.StartedAt) + " (Paused)",
        ContainerStatus.Restarting => $"Restarting ({c.ExitCode}) {Duration(now - c.FinishedAt)} ago",
        ContainerStatus.Removing => "Removal In Progress",
        ContainerStatus.Dead => "Dead",
        ContainerStatus.Exited when c.HasBeenStarted => $"Exited ({c.ExitCode}) {Duration(now - c.FinishedAt)} ago",
        _ => "Created",
    };

    public static string Duration(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < 1) return "Less than a second";
        if (seconds == 1) return "1 second";
        if (seconds < 60) return $"{seconds} seconds";
        var minutes = (long)d.TotalMinutes;
        if (minutes == 1) return "About a minute";
        if (minutes < 60) return $"{minutes} minutes";
        var hours = (long)Math.Round(d.TotalHours, MidpointRounding.AwayFromZero);
        if (hours == 1) return "About an hour";
        if (hours < 48) return $"{hours} hours";
        if (hours < 24 * 7 * 2) return $"{hours / 24} days";
        if (hours < 24 * 30 * 2) return $"{hours / 24 / 7} weeks";
        if (hours < 24 * 365 * 2) return $"{hours / 24 / 30} months";
        return $"{(long)(d.TotalHours / 24 / 365)} years";
    }
}
