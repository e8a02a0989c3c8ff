namespace Platform.Networking.DataPlane.Isolation;

/// <summary>
/// The filter rules of the platform's networks, written exactly as `iptables -S` prints them. FORWARD jumps to
/// PLATFORM-FORWARD, which first sends traffic through the two isolation stages (leaving one platform bridge for
/// another is dropped; an internal network's bridge forwards nothing in or out) and then accepts traffic that stays
/// on a bridge (bridged frames reach FORWARD when bridge-nf-call-iptables is on). There is no NAT.
/// </summary>
internal static class IsolationRules
{
    public const string Forward = "PLATFORM-FORWARD", Stage1 = "PLATFORM-ISOLATION-1", Stage2 = "PLATFORM-ISOLATION-2";

    public static readonly IReadOnlyList<string> Chains = [Forward, Stage1, Stage2];

    /// <summary>The jumps every network needs; each belongs first in its chain.</summary>
    public static readonly IReadOnlyList<string> Skeleton = [$"-A FORWARD -j {Forward}", $"-A {Forward} -j {Stage1}"];

    public static IReadOnlyList<string> For(string bridge, bool isInternal) =>
    [
        $"-A {Forward} -i {bridge} -o {bridge} -j ACCEPT",
        $"-A {Stage1} -i {bridge} ! -o {bridge} -j {Stage2}",
        $"-A {Stage2} -o {bridge} -j DROP",
        .. isInternal ? (string[])[$"-A {Stage1} -i {bridge} ! -o {bridge} -j DROP", $"-A {Stage1} ! -i {bridge} -o {bridge} -j DROP"] : [],
    ];

    /// <summary>True for a rule of one of the platform's chains that matches on <paramref name="bridge"/>.</summary>
    public static bool BelongsTo(string rule, string bridge)
    {
        var words = rule.Split(' ');
        if (words.Length < 2 || words[0] != "-A" || !Chains.Contains(words[1])) return false;
        for (var i = 2; i + 1 < words.Length; i++)
            if (words[i] is "-i" or "-o" && words[i + 1] == bridge) return true;
        return false;
    }
}
