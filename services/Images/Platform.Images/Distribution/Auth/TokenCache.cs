using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Images.Distribution.Auth;

/// <summary>
/// Bearer tokens per (token service, scope set, credentials). Keys hash the credentials so a wrong password
/// never reuses a token another caller obtained with the right one.
/// </summary>
public sealed class TokenCache(TimeProvider time)
{
    readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new();

    public static string Key(AuthChallenge challenge, IEnumerable<string> scopes, RegistryCredentials credentials)
    {
        var text = string.Join('\n', challenge.Realm, challenge.Service, string.Join(' ', scopes.Order(StringComparer.Ordinal)),
            credentials.Username, credentials.Password, credentials.IdentityToken);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public bool TryGet(string key, out string token)
    {
        token = "";
        if (!_tokens.TryGetValue(key, out var entry)) return false;
        if (time.GetUtcNow() >= entry.Expires)
        {
            _tokens.TryRemove(key, out _);
            return false;
        }
        token = entry.Token;
        return true;
    }

    /// <summary>Stores a token valid for <paramref name="lifetime"/>, renewed a little early (10 % or 10 s at most).</summary>
    public void Add(string key, string token, TimeSpan lifetime)
    {
        var margin = TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 10, TimeSpan.FromSeconds(10).Ticks));
        _tokens[key] = (token, time.GetUtcNow() + lifetime - margin);
    }

    public void Remove(string key) => _tokens.TryRemove(key, out _);
}
