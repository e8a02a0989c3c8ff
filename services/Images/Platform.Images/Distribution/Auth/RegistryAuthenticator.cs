using System.Net.Http.Headers;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution.Auth;

/// <summary>
/// Answers a session's challenges. Anonymous until the registry says 401; then Bearer (a token for the session's
/// scopes plus the challenge's, cached) or Basic (the credentials on every request). The challenge is remembered per
/// registry so later sessions authenticate up front instead of paying a 401 round trip — which also keeps request
/// bodies (blob uploads) from being sent twice.
/// </summary>
internal sealed class RegistryAuthenticator(RegistryClient client, RegistryEndpoint endpoint, RegistryCredentials credentials,
    IEnumerable<string> scopes)
{
    readonly SortedSet<string> _scopes = new(scopes, StringComparer.Ordinal);
    AuthChallenge? _challenge = client.KnownChallenge(endpoint.Name);

    public RegistryCredentials Credentials => credentials;

    public async ValueTask<AuthenticationHeaderValue?> HeaderAsync(HttpClient http, CancellationToken ct)
    {
        if (credentials.RegistryToken is { } registryToken) return new("Bearer", registryToken);
        if (_challenge is null) return null;
        if (_challenge.IsBasic) return credentials.HasPassword ? TokenClient.Basic(credentials) : null;
        if (!_challenge.IsBearer) return null;

        var key = TokenCache.Key(_challenge, _scopes, credentials);
        if (client.Tokens.TryGet(key, out var cached)) return new("Bearer", cached);
        var response = await TokenClient.FetchAsync(http, _challenge, _scopes.ToList(), credentials, client.Options.UserAgent, ct);
        var token = response.Token ?? response.AccessToken!;
        client.Tokens.Add(key, token, response.Lifetime);
        return new("Bearer", token);
    }

    /// <summary>After a 401: learn the challenge; true when retrying with (new) credentials can succeed.</summary>
    public bool OnUnauthorized(HttpResponseMessage response, AuthenticationHeaderValue? sent)
    {
        if (credentials.RegistryToken is not null) return false;
        var challenges = AuthChallenge.FromResponse(response);
        var chosen = challenges.FirstOrDefault(c => c.IsBearer && c.Realm is not null) ?? challenges.FirstOrDefault(c => c.IsBasic);
        if (chosen is null) return false;

        if (_challenge is { IsBearer: true } previous && sent?.Scheme == "Bearer")
            client.Tokens.Remove(TokenCache.Key(previous, _scopes, credentials));
        foreach (var scope in chosen.Scopes) _scopes.Add(scope);
        _challenge = chosen;
        client.RememberChallenge(endpoint.Name, chosen);

        if (chosen.IsBasic) return credentials.HasPassword && sent?.Scheme != "Basic";
        return true; // a (fresh) token for the union of scopes
    }
}
