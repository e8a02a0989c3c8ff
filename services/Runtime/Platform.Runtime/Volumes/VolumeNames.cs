using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Runtime.Volumes;

/// <summary>What a local volume may be called, and the random names anonymous volumes get.</summary>
public static partial class VolumeNames
{
    public const string AllowedCharacters = "[a-zA-Z0-9][a-zA-Z0-9_.-]";

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")]
    private static partial Regex Valid();

    /// <summary>Docker's local driver refusal for an unusable name, or null when the name is fine.</summary>
    public static string? Validate(string name)
    {
        if (name.Length == 1) return "volume name is too short, names should be at least two alphanumeric characters";
        if (!Valid().IsMatch(name))
            return $"{GoQuote(name)} includes invalid characters for a local volume name, only {GoQuote(AllowedCharacters)} are allowed. If you intended to pass a host directory, use absolute path";
        return null;
    }

    /// <summary>64 lowercase hex characters whose 12-character short form is never all digits (moby's rule).</summary>
    public static string Random()
    {
        while (true)
        {
            var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            if (!name.AsSpan(0, 12).ContainsAnyExcept("0123456789")) continue;
            return name;
        }
    }

    /// <summary>Go's %q: a double-quoted string with \, " and control characters escaped.</summary>
    public static string GoQuote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                case '\r': builder.Append("\\r"); break;
                case < ' ' or '\x7f': builder.Append($"\\x{(int)c:x2}"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }
}
