using Platform.Images.Archives.Saving;
using Platform.Images.Images;

namespace Platform.Images.DockerApi.Saving;

/// <summary>
/// GET /images/get?names=…&amp;names=… and GET /images/{name}/get: docker save. Names resolve and blobs are gathered
/// first (so a missing image is a 404 {"message"}); then the archive streams as application/x-tar.
/// </summary>
public static class SaveImages
{
    public static async Task<IResult> HandleAsync(HttpContext context, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0) throw ImageError.BadRequest("no images to save: give names=");
        var saver = context.RequestServices.GetRequiredService<ImageSaver>();
        var write = await saver.PrepareAsync(names, cancellationToken);
        return new TarResult(write);
    }

    sealed class TarResult(Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/x-tar";
            await context.Response.StartAsync(context.RequestAborted);
            await write(context.Response.Body, context.RequestAborted);
        }
    }
}
