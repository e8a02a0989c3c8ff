using Platform.Images.References;

namespace Platform.Images.Images;

/// <summary>A refused request, with the HTTP status and the message Docker answers with.</summary>
public sealed class ImageError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>ErrImageDoesNotExist: a name gets its default tag, an id is shown as given.</summary>
    public static ImageError NotFound(ParsedName name) =>
        new(404, $"No such image: {(name.Reference is { } reference ? reference.WithDefaultTag().Familiar : name.ImageId)}");

    public static ImageError NotFound(string what) => new(404, $"No such image: {what}");
    public static ImageError BadRequest(string message) => new(400, message);
    public static ImageError Conflict(string message) => new(409, message);
    public static ImageError Internal(string message) => new(500, message);
}
