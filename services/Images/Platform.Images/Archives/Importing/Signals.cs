namespace Platform.Images.Archives.Importing;

/// <summary>STOPSIGNAL values Docker accepts on Linux: a number 1–64, a name with or without SIG, or RTMIN+n / RTMAX-n.</summary>
public static class Signals
{
    static readonly HashSet<string> Names =
    [
        "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL",
        "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1",
        "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX",
    ];

    public static bool IsValid(string signal)
    {
        if (int.TryParse(signal, out var number)) return number is >= 1 and <= 64;
        var name = signal.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal)) name = name[3..];
        if (Names.Contains(name)) return true;
        var offset = name.StartsWith("RTMIN+", StringComparison.Ordinal) || name.StartsWith("RTMAX-", StringComparison.Ordinal) ? name[6..] : null;
        return offset is not null && int.TryParse(offset, out var n) && n is >= 1 and <= 15;
    }
}
