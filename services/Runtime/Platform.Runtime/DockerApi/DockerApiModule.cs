using Platform.Runtime.Containers;
using Platform.Runtime.DockerApi.Streams;
using Platform.Runtime.DockerApi.System;
using Platform.Runtime.Volumes;

namespace Platform.Runtime.DockerApi;

public static class DockerApiModule
{
    public static WebApplicationBuilder AddDockerApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, DockerJson.Default));
        builder.AddHijackedStreams();
        builder.Services.AddSingleton(HostImages.Create);
        return builder;
    }

    /// <summary>Docker routes are mapped once; DockerApiMiddleware strips the optional /v{X.Y} prefix first.</summary>
    public static WebApplication MapDockerApi(this WebApplication app)
    {
        app.MapPing();
        app.MapVersion();
        app.MapInfo();
        app.MapSystemDf();
        app.MapVolumes();
        app.MapContainers();
        return app;
    }
}
