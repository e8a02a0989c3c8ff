namespace Platform.Images.DockerApi;

public static class DockerApiModule
{
    /// <summary>Docker JSON is written through <see cref="ImagesJson"/> (source-generated) by the handlers themselves.</summary>
    public static IHostApplicationBuilder AddImagesDockerApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ImagesJson.Relaxed));
        return builder;
    }
}
