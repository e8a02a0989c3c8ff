using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Images.Distribution.Auth;

/// <summary>
/// Decodes Docker's <c>X-Registry-Auth</c> header: base64url (the CLI) or standard base64 (other clients), padded or
/// not, of JSON <c>{username, password, auth, serveraddress, identitytoken, registrytoken}</c> (keys case-insensitive).
/// Anything empty or undecodable is anonymous, never an error — moby does the same.
/// </summary>
public static class RegistryAuthHeader
{
    public const string HeaderName = "X-Registry-Auth";

    public static RegistryCredentials Decode(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return RegistryCredentials.Anonymous;
        var json = DecodeBase64(header.Trim());
        if (json is null) return RegistryCredentials.Anonymous;
        AuthConfigJson? config;
        try
        {
            config = JsonSerializer.Deserialize(json, DistributionJson.Default.AuthConfigJson);
        }
        catch (JsonException)
        {
            return RegistryCredentials.Anonymous;
        }
        if (config is null) return RegistryCredentials.Anonymous;

        var (username, password) = (Empty(config.Username), config.Password);
        if (username is null && Empty(config.Auth) is { } auth && DecodeBase64(auth) is { } pair
            && Encoding.UTF8.GetString(pair) is var text && text.IndexOf(':') is > 0 and var colon)
            (username, password) = (text[..colon], text[(colon + 1)..]);

        var credentials = new RegistryCredentials(username, username is null ? null : password ?? "",
            Empty(config.ServerAddress), Empty(config.IdentityToken), Empty(config.RegistryToken));
        return credentials.IsAnonymous ? RegistryCredentials.Anonymous with { ServerAddress = credentials.ServerAddress } : credentials;
    }

    /// <summary>The header value for <paramref name="credentials"/> (base64url JSON, as the Docker CLI sends it).</summary>
    public static string Encode(RegistryCredentials credentials)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new AuthConfigJson
        {
            Username = credentials.Username, Password = credentials.Password, ServerAddress = credentials.ServerAddress,
            IdentityToken = credentials.IdentityToken, RegistryToken = credentials.RegistryToken,
        }, DistributionJson.Default.AuthConfigJson);
        return Convert.ToBase64String(json).Replace('+', '-').Replace('/', '_');
    }

    static byte[]? DecodeBase64(string text)
    {
        var normalized = text.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        if (normalized.Length % 4 == 1) return null;
        normalized = normalized.PadRight(normalized.Length + (4 - normalized.Length % 4) % 4, '=');
        var buffer = new byte[normalized.Length * 3 / 4];
        return Convert.TryFromBase64String(normalized, buffer, out var written) ? buffer[..written] : null;
    }

    static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

internal sealed class AuthConfigJson
{
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("password")] public string? Password { get; set; }
    [JsonPropertyName("auth")] public string? Auth { get; set; }
    [JsonPropertyName("serveraddress")] public string? ServerAddress { get; set; }
    [JsonPropertyName("identitytoken")] public string? IdentityToken { get; set; }
    [JsonPropertyName("registrytoken")] public string? RegistryToken { get; set; }
}
