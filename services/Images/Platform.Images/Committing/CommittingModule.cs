using Platform.Images.Images.Removing;

namespace Platform.Images.Committing;

public static class CommittingModule
{
    /// <summary>
    /// docker commit, reading containers from the runtime at <c>Platform:RuntimeUrl</c> (without one, there are no
    /// containers to commit: every commit is 404). Diffs take as long as the layer is large: no client timeout.
    /// </summary>
    public static IHostApplicationBuilder AddCommitting(this IHostApplicationBuilder builder)
    {
        var runtime = RuntimeClient.For(builder.Configuration[RuntimeContainerUsage.RuntimeUrlKey] is { Length: > 0 } url ? url : "http://127.0.0.1:0");
        runtime.Timeout = Timeout.InfiniteTimeSpan;
        builder.Services.AddSingleton(new CommitSource(runtime, builder.Configuration[RuntimeContainerUsage.RuntimeUrlKey] is { Length: > 0 }));
        builder.Services.AddSingleton<ContainerCommitter>();
        return builder;
    }
}
