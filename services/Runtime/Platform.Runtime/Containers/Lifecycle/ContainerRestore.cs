namespace Platform.Runtime.Containers.Lifecycle;

/// <summary>
/// Done once the containers that ended while runtime was away are recorded as exited. The API waits for it, so a
/// client never sees a container running that died during the outage (and restart policies act on real state).
/// </summary>
public sealed class ContainerRestore
{
    readonly TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Restored => _restored.Task;

    public void Complete() => _restored.TrySetResult();
}

public static class ContainerRestoreMiddleware
{
    /// <summary>Requests other than health checks wait for the restore (a few milliseconds after start).</summary>
    public static IApplicationBuilder UseContainerRestore(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var restore = context.RequestServices.GetRequiredService<ContainerRestore>();
        if (!restore.Restored.IsCompleted && !context.Request.Path.StartsWithSegments("/healthz"))
            await restore.Restored.WaitAsync(context.RequestAborted);
        await next(context);
    });
}
