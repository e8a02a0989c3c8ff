using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Images.References;

/// <summary>
/// The "reference" filter of image lists: a Go path.Match glob against the familiar reference, then against the
/// familiar name alone (FamiliarMatch). "*" and "?" never match "/", "[a-z]" and "[^x]" are classes, "\" escapes.
/// </summary>
public static class FamiliarMatch
{
    public const string BadPattern = "syntax error in pattern";

    public static bool Matches(string pattern, ImageReference reference)
    {
        var glob = Compile(pattern);
        return glob.IsMatch(reference.Familiar) || glob.IsMatch(reference.FamiliarName);
    }

    /// <summary>The glob as an anchored regular expression; throws <see cref="FormatException"/> for a bad pattern.</summary>
    public static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*': regex.Append("[^/]*"); break;
                case '?': regex.Append("[^/]"); break;
                case '\\':
                    if (++i >= pattern.Length) throw new FormatException(BadPattern);
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                case '[': i = AppendClass(pattern, i, regex); break;
                default: regex.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return new Regex(regex.Append(@"\z").ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>Translates "[...]" starting at <paramref name="start"/>; returns the index of its closing "]".</summary>
    static int AppendClass(string pattern, int start, StringBuilder regex)
    {
        var i = start + 1;
        regex.Append('[');
        if (i < pattern.Length && pattern[i] == '^')
        {
            regex.Append('^');
            i++;
        }
        var ranges = 0;
        while (true)
        {
            if (i >= pattern.Length) throw new FormatException(BadPattern);
            if (pattern[i] == ']' && ranges > 0) break;
            var low = ClassChar(pattern, ref i);
            if (i < pattern.Length && pattern[i] == '-')
            {
                i++;
                var high = ClassChar(pattern, ref i);
                if (high < low) throw new FormatException(BadPattern);
                regex.Append(Escape(low)).Append('-').Append(Escape(high));
            }
            else
            {
                regex.Append(Escape(low));
            }
            ranges++;
        }
        regex.Append(']');
        return i;
    }

    static char ClassChar(string pattern, ref int i)
    {
        if (i >= pattern.Length) throw new FormatException(BadPattern);
        var c = pattern[i];
        if (c is '-' or ']') throw new FormatException(BadPattern);
        if (c == '\\')
        {
            if (++i >= pattern.Length) throw new FormatException(BadPattern);
            c = pattern[i];
        }
        i++;
        return c;
    }

    static string Escape(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();
}
