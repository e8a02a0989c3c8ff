using System.Net;

namespace Platform.Images.Distribution.Errors;

/// <summary>
/// A failed registry operation. <see cref="StatusCode"/> is the status the Docker API should answer with
/// (404 unknown manifest/repository, 401 unauthorized, 403 denied, 500 otherwise); <see cref="Errors"/> holds the
/// registry's own error entries; <see cref="RegistryStatus"/> the HTTP status the registry sent, when it sent one.
/// </summary>
public class RegistryException(
    string message, int statusCode, IReadOnlyList<RegistryError>? errors = null, HttpStatusCode? registryStatus = null,
    Exception? inner = null) : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;
    public IReadOnlyList<RegistryError> Errors { get; } = errors ?? [];
    public HttpStatusCode? RegistryStatus { get; } = registryStatus;

    /// <summary>The first registry error code (<c>MANIFEST_UNKNOWN</c>, …), if any.</summary>
    public string? Code => Errors.Count > 0 ? Errors[0].Code : null;

    /// <summary>Worth another attempt: the registry was overloaded or failed internally.</summary>
    public bool IsTransient => RegistryStatus is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;
}

/// <summary>Credentials missing or rejected after authenticating: the Docker API answers 401 so the CLI re-prompts.</summary>
public sealed class RegistryAuthenticationException(
    string message, IReadOnlyList<RegistryError>? errors = null, HttpStatusCode? registryStatus = null)
    : RegistryException(message, 401, errors, registryStatus);

/// <summary>No HTTP conversation was possible (refused, DNS, TLS): the message names the URL and the cause.</summary>
public sealed class RegistryUnreachableException(string message, Exception inner)
    : RegistryException(message, 500, null, null, inner);

/// <summary>A blob or manifest did not hash to its digest (or had the wrong size).</summary>
public sealed class RegistryVerificationException(string message, Exception? inner = null)
    : RegistryException(message, 500, null, null, inner);
