namespace Platform.Runtime.Containers.Files;

/// <summary>docker cp (archive HEAD/GET/PUT), export and diff.</summary>
public static class FilesModule
{
    public static IEndpointRouteBuilder MapContainerFiles(this IEndpointRouteBuilder app)
    {
        app.MapStatContainerPath();
        app.MapArchiveContainerPath();
        app.MapExtractToContainer();
        app.MapExportContainer();
        app.MapGetContainerChanges();
        return app;
    }
}
