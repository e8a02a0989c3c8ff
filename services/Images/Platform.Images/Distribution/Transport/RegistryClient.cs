using System.Collections.Concurrent;
using System.Net;
using Platform.Images.Distribution.Auth;

namespace Platform.Images.Distribution.Transport;

/// <summary>
/// The process-wide registry client: connection pools (verified and, for insecure registries, unverified TLS),
/// the token cache and what each registry's challenge looked like. Opens a <see cref="RegistrySession"/> per
/// (registry, repository, credentials, access). Register it as a singleton.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    readonly HttpClient _verified;
    readonly HttpClient _unverified;
    readonly ConcurrentDictionary<string, AuthChallenge> _challenges = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, RegistryEndpoint> _downgraded = new(StringComparer.OrdinalIgnoreCase);

    public RegistryClient(DistributionOptions options, TimeProvider? time = null)
    {
        Options = options;
        Time = time ?? TimeProvider.System;
        Tokens = new TokenCache(Time);
        _verified = Create(options, verifyTls: true);
        _unverified = Create(options, verifyTls: false);
    }

    public DistributionOptions Options { get; }
    public TimeProvider Time { get; }
    public TokenCache Tokens { get; }

    public RegistryEndpoint Resolve(string registry)
    {
        var endpoint = RegistryEndpoint.Resolve(registry, Options.InsecureRegistries);
        return _downgraded.TryGetValue(endpoint.Name, out var http) ? http : endpoint;
    }

    /// <summary>
    /// A session on <paramref name="repository"/>: pull asks for <c>repository:NAME:pull</c>, push for
    /// <c>pull,push</c> plus <c>repository:FROM:pull</c> for each cross-repository mount source.
    /// </summary>
    public RegistrySession OpenSession(string registry, string repository, RegistryCredentials credentials,
        RegistryAccess access = RegistryAccess.Pull, IEnumerable<string>? mountSources = null)
    {
        var endpoint = Resolve(registry);
        var scopes = new List<string> { $"repository:{repository}:{(access == RegistryAccess.Push ? "pull,push" : "pull")}" };
        scopes.AddRange((mountSources ?? []).Where(from => from != repository).Select(from => $"repository:{from}:pull"));
        return new RegistrySession(this, endpoint, repository, new RegistryAuthenticator(this, endpoint, credentials, scopes));
    }

    internal HttpClient HttpFor(RegistryEndpoint endpoint) => endpoint.SkipTlsVerify ? _unverified : _verified;

    internal AuthChallenge? KnownChallenge(string registry) => _challenges.GetValueOrDefault(registry);

    internal void RememberChallenge(string registry, AuthChallenge challenge) => _challenges[registry] = challenge;

    internal void RememberDowngrade(RegistryEndpoint http) => _downgraded[http.Name] = http;

    static HttpClient Create(DistributionOptions options, bool verifyTls)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None, // blobs are hashed as stored
            AllowAutoRedirect = true, // blob redirects to storage; the handler drops Authorization on redirect
            MaxAutomaticRedirections = 10,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        if (!verifyTls) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose()
    {
        _verified.Dispose();
        _unverified.Dispose();
    }
}
