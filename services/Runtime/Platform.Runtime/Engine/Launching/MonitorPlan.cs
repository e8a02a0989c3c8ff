using Platform.Runtime.Engine.Conmon;

namespace Platform.Runtime.Engine;

/// <summary>What a container's conmon is started with: known before its network and bundle are.</summary>
public sealed record MonitorPlan(string Id, bool Tty, bool OpenStdin, bool StdinOnce)
{
    public static MonitorPlan For(ContainerLaunch launch) => new(launch.Id, launch.Tty, launch.OpenStdin, launch.StdinOnce);
}

/// <summary>A conmon waiting on its start pipe for <see cref="ContainerEngine.CreateAsync"/>.</summary>
public sealed class PendingMonitor : IDisposable
{
    internal PendingMonitor(MonitorPlan plan, ConmonProcess conmon) => (Plan, Conmon) = (plan, conmon);

    public MonitorPlan Plan { get; }

    internal ConmonProcess Conmon { get; }

    public void Dispose() => Conmon.Dispose();
}
