using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Engine;

/// <summary>A failure of the engine with a Docker-style message (the API layer returns it as {"message": …}).</summary>
public sealed class EngineException(string message, int statusCode = 500) : Exception(message), IDockerApiError
{
    public int StatusCode { get; } = statusCode;
}
