using Platform.Images.Images;
using Platform.Images.Rootfs.Preparing;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Images.Rootfs;

/// <summary>The platform's own route runtime calls to build a container's root filesystem (not a Docker route).</summary>
public static class RootfsModule
{
    public static IHostApplicationBuilder AddRootfs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RunConfigCache>();
        builder.Services.AddSingleton<RootfsPreparer>();
        return builder;
    }

    public static WebApplication MapRootfs(this WebApplication app)
    {
        app.MapPost(PrepareRootfs.Route, HandleAsync);
        return app;
    }

    static async Task HandleAsync(HttpContext context)
    {
        try
        {
            await (await PrepareRootfs.HandleAsync(context, context.RequestAborted)).ExecuteAsync(context);
        }
        catch (ImageError error)
        {
            await DockerErrors.WriteAsync(context, error.Status, error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RootfsModule))
                .LogError(error, "preparing a root filesystem failed");
            await DockerErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, error.Message);
        }
    }
}
