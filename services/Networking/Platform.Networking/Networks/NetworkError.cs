namespace Platform.Networking.Networks;

/// <summary>A decision refused, with the HTTP status and message Docker answers with.</summary>
public sealed class NetworkError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static NetworkError NotFound(string idOrName) => new(404, $"network {idOrName} not found");
    public static NetworkError AlreadyExists(string name) => new(409, $"network with name {name} already exists");
    public static NetworkError BadRequest(string message) => new(400, message);
    public static NetworkError Forbidden(string message) => new(403, message);
    public static NetworkError Conflict(string message) => new(409, message);
    public static NetworkError Unavailable(string message) => new(503, message);
}
