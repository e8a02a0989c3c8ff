using System.Text.RegularExpressions;

namespace Platform.Images.References;

/// <summary>
/// distribution/reference's regular grammar, spelled out. Classes are ASCII (Go's \w is ASCII; .NET's is not) and
/// every pattern is anchored with \z, because $ would also match before a trailing newline.
/// </summary>
static partial class ReferenceGrammar
{
    const string Alphanumeric = "[a-z0-9]+";
    const string Separator = "(?:[._]|__|[-]+)";
    const string PathComponent = Alphanumeric + "(?:" + Separator + Alphanumeric + ")*";
    const string RemoteName = PathComponent + "(?:/" + PathComponent + ")*";
    const string DomainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    const string DomainName = DomainNameComponent + @"(?:\." + DomainNameComponent + ")*";
    const string Ipv6Address = @"\[(?:[a-fA-F0-9:]+)\]";
    const string Host = "(?:" + DomainName + "|" + Ipv6Address + ")";
    const string DomainAndPort = Host + "(?::[0-9]+)?";
    const string NamePattern = "(?:" + DomainAndPort + "/)?" + RemoteName;
    const string TagPattern = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    const string DigestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}";

    [GeneratedRegex("^(" + NamePattern + ")(?::(" + TagPattern + "))?(?:@(" + DigestPattern + "))?\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Reference();

    [GeneratedRegex("^(?:(" + DomainAndPort + ")/)?(" + RemoteName + ")\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Name();

    [GeneratedRegex("^" + TagPattern + "\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Tag();

    [GeneratedRegex("^" + DigestPattern + "\\z", RegexOptions.CultureInvariant)]
    public static partial Regex AnyDigest();

    /// <summary>A bare image id: 64 lowercase hex digits.</summary>
    [GeneratedRegex("^[a-f0-9]{64}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Identifier();

    public static bool IsTag(string text) => Tag().IsMatch(text);
}
