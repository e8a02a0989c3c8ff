using System.Text;

namespace Platform.Images.Distribution.Auth;

/// <summary>One <c>WWW-Authenticate</c> challenge: <c>Bearer realm="…",service="…",scope="…"</c> or <c>Basic realm="…"</c>.</summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.GetValueOrDefault("realm");
    public string? Service => Parameters.GetValueOrDefault("service");

    /// <summary>Scopes asked for; several are space-separated inside one quoted <c>scope</c>.</summary>
    public IReadOnlyList<string> Scopes =>
        Parameters.GetValueOrDefault("scope")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary><c>invalid_token</c> / <c>insufficient_scope</c> when a token was sent and refused.</summary>
    public string? Error => Parameters.GetValueOrDefault("error");

    /// <summary>All challenges of a response, in the order the registry sent them.</summary>
    public static IReadOnlyList<AuthChallenge> FromResponse(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values)
            ? values.SelectMany(Parse).ToList()
            : [];

    /// <summary>Parses one header value (which may hold several challenges, RFC 9110 §11.6.1).</summary>
    public static IReadOnlyList<AuthChallenge> Parse(string header)
    {
        var result = new List<AuthChallenge>();
        var reader = new Reader(header);
        while (true)
        {
            reader.Skip(", \t");
            var scheme = reader.Token();
            if (scheme.Length == 0) break;
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                var mark = reader.Position;
                reader.Skip(", \t");
                var name = reader.Token();
                reader.Skip(" \t");
                if (name.Length == 0 || !reader.TryTake('='))
                {
                    reader.Position = mark; // the next challenge's scheme (or the end)
                    break;
                }
                reader.Skip(" \t");
                parameters[name] = reader.Value();
            }
            result.Add(new AuthChallenge(scheme, parameters));
        }
        return result;
    }

    struct Reader(string text)
    {
        public int Position;

        public void Skip(string chars)
        {
            while (Position < text.Length && chars.Contains(text[Position])) Position++;
        }

        public bool TryTake(char c)
        {
            if (Position >= text.Length || text[Position] != c) return false;
            Position++;
            return true;
        }

        public string Token()
        {
            var start = Position;
            while (Position < text.Length && !" \t,=\"".Contains(text[Position])) Position++;
            return text[start..Position];
        }

        public string Value()
        {
            if (!TryTake('"')) return Token();
            var value = new StringBuilder();
            while (Position < text.Length && text[Position] != '"')
            {
                if (text[Position] == '\\' && Position + 1 < text.Length) Position++;
                value.Append(text[Position++]);
            }
            TryTake('"');
            return value.ToString();
        }
    }
}
