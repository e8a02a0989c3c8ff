using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Volumes;

/// <summary>A refused volume operation, with the HTTP status and message Docker gives for it.</summary>
public sealed class VolumeError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static VolumeError InvalidParameter(string message) => new(StatusCodes.Status400BadRequest, message);
    public static VolumeError NotFound(string message) => new(StatusCodes.Status404NotFound, message);
    public static VolumeError Conflict(string message) => new(StatusCodes.Status409Conflict, message);
    public static VolumeError System(string message) => new(StatusCodes.Status500InternalServerError, message);

    public static VolumeError NoSuchVolume(string name) => NotFound($"get {name}: no such volume");

    public IResult ToResult() => DockerErrors.Result(Status, Message);
}
