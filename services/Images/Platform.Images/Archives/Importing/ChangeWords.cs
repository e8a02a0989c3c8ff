using System.Text;

namespace Platform.Images.Archives.Importing;

/// <summary>
/// The shell-like word handling of Dockerfile instructions (moby's shell lexer, the subset changes need): words split
/// on unquoted whitespace, '…' literal, "…" with \" \\ \$ escapes, \ escaping outside quotes, and $NAME, ${NAME},
/// ${NAME:-default}, ${NAME:+alternative} expanded from the environment built so far.
/// </summary>
public static class ChangeWords
{
    /// <summary>Whitespace-separated words, quotes removed and variables expanded.</summary>
    public static List<string> Split(string text, Func<string, string?> variable) => Lex(text, variable, split: true);

    /// <summary>The whole text as one word (whitespace kept), quotes removed and variables expanded.</summary>
    public static string Word(string text, Func<string, string?> variable) =>
        Lex(text.Trim(), variable, split: false) is [var word] ? word : "";

    static List<string> Lex(string text, Func<string, string?> variable, bool split)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (split && char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            switch (c)
            {
                case '\'':
                    var end = text.IndexOf('\'', i + 1);
                    if (end < 0) throw new FormatException("unexpected end of statement while looking for matching single-quote");
                    word.Append(text, i + 1, end - i - 1);
                    i = end;
                    break;
                case '"':
                    i = DoubleQuoted(text, i + 1, word, variable);
                    break;
                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    break;
                case '$':
                    i = Expand(text, i, word, variable);
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }

    static int DoubleQuoted(string text, int i, StringBuilder word, Func<string, string?> variable)
    {
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') return i;
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$') word.Append(text[++i]);
            else if (c == '$') i = Expand(text, i, word, variable);
            else word.Append(c);
        }
        throw new FormatException("unexpected end of statement while looking for matching double-quote");
    }

    /// <summary>Expands the variable starting at text[i] == '$'; returns the index of its last character.</summary>
    static int Expand(string text, int i, StringBuilder word, Func<string, string?> variable)
    {
        if (i + 1 < text.Length && text[i + 1] == '{')
        {
            var close = text.IndexOf('}', i + 2);
            if (close < 0) throw new FormatException("missing '}'");
            var body = text[(i + 2)..close];
            var op = body.IndexOf(':');
            var name = op < 0 ? body : body[..op];
            var value = variable(name);
            if (op >= 0 && op + 1 < body.Length && body[op + 1] is '-' or '+')
            {
                var operand = body[(op + 2)..];
                value = body[op + 1] == '-' ? (string.IsNullOrEmpty(value) ? operand : value) : (string.IsNullOrEmpty(value) ? "" : operand);
            }
            word.Append(value);
            return close;
        }
        var start = i + 1;
        var length = 0;
        while (start + length < text.Length && (char.IsAsciiLetterOrDigit(text[start + length]) || text[start + length] == '_')) length++;
        if (length == 0 || char.IsAsciiDigit(text[start]))
        {
            word.Append('$');
            return i;
        }
        word.Append(variable(text.Substring(start, length)));
        return start + length - 1;
    }
}
