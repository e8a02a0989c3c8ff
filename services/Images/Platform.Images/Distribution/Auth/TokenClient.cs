using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Transport;

namespace Platform.Images.Distribution.Auth;

/// <summary>
/// Fetches a bearer token from a challenge's realm (distribution token spec): GET with <c>service</c>, one <c>scope</c>
/// per scope and <c>account</c>, Basic credentials when given; or, with an identity token, the OAuth2
/// <c>grant_type=refresh_token</c> POST. A 401 there means the credentials were rejected.
/// </summary>
internal static class TokenClient
{
    public static async Task<TokenResponse> FetchAsync(HttpClient http, AuthChallenge challenge, IReadOnlyList<string> scopes,
        RegistryCredentials credentials, string userAgent, CancellationToken ct)
    {
        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) || realm.Scheme is not ("http" or "https"))
            throw new RegistryException($"invalid token realm \"{challenge.Realm}\" in the registry's challenge", 500);

        using var request = credentials.IdentityToken is { } refresh
            ? RefreshRequest(realm, challenge, scopes, refresh)
            : GetRequest(realm, challenge, scopes, credentials);
        request.Headers.UserAgent.ParseAdd(userAgent);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw RegistrySession.Unreachable(request, e);
        }
        using (response)
        {
            var body = await RegistryErrors.ReadBodyAsync(response, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized) throw Rejected(body, credentials, response.StatusCode);
            if (!response.IsSuccessStatusCode)
                throw new RegistryException(
                    $"failed to fetch an authorization token from {realm.GetLeftPart(UriPartial.Path)}: {(int)response.StatusCode} {response.ReasonPhrase}",
                    RegistryErrors.SuggestStatus(null, response.StatusCode), RegistryErrors.Parse(body), response.StatusCode);
            TokenResponse? token;
            try
            {
                token = JsonSerializer.Deserialize(body, DistributionJson.Default.TokenResponse);
            }
            catch (JsonException e)
            {
                throw new RegistryException($"invalid token response from {realm.GetLeftPart(UriPartial.Path)}: {e.Message}", 500);
            }
            if (token is null || string.IsNullOrEmpty(token.Token ?? token.AccessToken))
                throw new RegistryException("authorization server did not include a token in the response", 500);
            return token;
        }
    }

    static HttpRequestMessage GetRequest(Uri realm, AuthChallenge challenge, IReadOnlyList<string> scopes, RegistryCredentials credentials)
    {
        var query = new List<string>();
        if (challenge.Service is { Length: > 0 } service) query.Add("service=" + Uri.EscapeDataString(service));
        query.AddRange(scopes.Select(scope => "scope=" + Uri.EscapeDataString(scope)));
        if (credentials.HasPassword) query.Add("account=" + Uri.EscapeDataString(credentials.Username!));
        var separator = realm.Query.Length > 0 ? "&" : "?";
        var request = new HttpRequestMessage(HttpMethod.Get, query.Count == 0 ? realm : new Uri(realm + separator + string.Join('&', query)));
        if (credentials.HasPassword) request.Headers.Authorization = Basic(credentials);
        return request;
    }

    static HttpRequestMessage RefreshRequest(Uri realm, AuthChallenge challenge, IReadOnlyList<string> scopes, string refreshToken) =>
        new(HttpMethod.Post, realm)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["service"] = challenge.Service ?? "",
                ["client_id"] = "docker",
                ["scope"] = string.Join(' ', scopes),
            }),
        };

    internal static AuthenticationHeaderValue Basic(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));

    static RegistryAuthenticationException Rejected(string body, RegistryCredentials credentials, HttpStatusCode status)
    {
        var errors = RegistryErrors.Parse(body);
        if (errors.Count > 0) return new RegistryAuthenticationException(string.Join("; ", errors), errors, status);
        string? details = null;
        try
        {
            details = JsonSerializer.Deserialize(body, DistributionJson.Default.TokenResponse)?.Details;
        }
        catch (JsonException)
        {
        }
        var reason = details ?? (credentials.IsAnonymous ? "authentication required" : "incorrect username or password");
        return new RegistryAuthenticationException("unauthorized: " + reason, [], status);
    }
}
