using System.Net;
using System.Net.Sockets;
using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Errors;

namespace Platform.Images.Distribution.Transport;

/// <summary>
/// Requests to one repository of one registry with one set of credentials. Each request is sent anonymously or with
/// what the authenticator already knows; a 401 is answered once (token or Basic) and the request rebuilt and resent.
/// Connection failures become <see cref="RegistryUnreachableException"/>; an insecure registry whose HTTPS fails is
/// retried over HTTP (Docker's insecure-registries behaviour).
/// </summary>
public sealed class RegistrySession
{
    readonly RegistryClient _client;
    readonly RegistryAuthenticator _auth;

    internal RegistrySession(RegistryClient client, RegistryEndpoint endpoint, string repository, RegistryAuthenticator auth)
    {
        _client = client;
        _auth = auth;
        Endpoint = endpoint;
        Repository = repository;
    }

    public RegistryEndpoint Endpoint { get; private set; }
    public string Repository { get; }
    public RegistryCredentials Credentials => _auth.Credentials;
    public DistributionOptions Options => _client.Options;
    public TimeProvider Time => _client.Time;

    /// <summary>Path under the repository: <c>manifests/latest</c> → <c>v2/NAME/manifests/latest</c>.</summary>
    public string PathOf(string relative) => $"v2/{Repository}/{relative}";

    /// <summary>
    /// Sends a request built by <paramref name="configure"/> to <paramref name="target"/> (a path relative to the registry
    /// root, or an absolute URL such as an upload location). <paramref name="content"/> is called per attempt.
    /// The caller disposes the response; any status is returned (see <see cref="EnsureSuccessAsync"/>).
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string target, CancellationToken ct,
        Action<HttpRequestMessage>? configure = null, Func<HttpContent>? content = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseHeadersRead)
    {
        for (var attempt = 0; ; attempt++)
        {
            var http = _client.HttpFor(Endpoint);
            var request = new HttpRequestMessage(method, Resolve(target));
            request.Headers.UserAgent.ParseAdd(_client.Options.UserAgent);
            configure?.Invoke(request);
            if (content is not null) request.Content = content();
            var sent = await _auth.HeaderAsync(http, ct);
            request.Headers.Authorization = sent;

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, completion, ct);
            }
            catch (HttpRequestException) when (Endpoint is { FallbackToHttp: true } && !Uri.IsWellFormedUriString(target, UriKind.Absolute))
            {
                Endpoint = Endpoint.AsPlainHttp();
                _client.RememberDowngrade(Endpoint);
                continue;
            }
            catch (HttpRequestException e)
            {
                throw Unreachable(request, e);
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0 && _auth.OnUnauthorized(response, sent))
            {
                response.Dispose();
                continue;
            }
            return response;
        }
    }

    /// <summary>Authenticates before any work (GET /v2/): bad credentials surface as a 401 before a stream starts.</summary>
    public async Task AuthorizeAsync(CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, "v2/", ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw await RegistryErrors.FromResponseAsync(response, ct);
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode) throw await RegistryErrors.FromResponseAsync(response, ct);
    }

    Uri Resolve(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(Endpoint.BaseUri, target);

    /// <summary>Go-style <c>Get "URL": dial tcp HOST:PORT: connect: connection refused</c>, naming the registry.</summary>
    internal static RegistryUnreachableException Unreachable(HttpRequestMessage request, HttpRequestException e)
    {
        var uri = request.RequestUri!;
        var op = request.Method.Method[..1] + request.Method.Method[1..].ToLowerInvariant();
        var cause = e.InnerException is SocketException socket
            ? $"dial tcp {uri.Authority}: connect: {SocketReason(socket)}"
            : e.Message;
        return new RegistryUnreachableException($"{op} \"{uri}\": {cause}", e);
    }

    static string SocketReason(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData => "no such host",
        SocketError.TimedOut => "i/o timeout",
        SocketError.NetworkUnreachable => "network is unreachable",
        SocketError.HostUnreachable => "no route to host",
        _ => e.Message,
    };
}
