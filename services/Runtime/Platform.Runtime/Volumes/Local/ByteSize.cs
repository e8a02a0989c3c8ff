using System.Globalization;

namespace Platform.Runtime.Volumes.Local;

/// <summary>Docker's RAM sizes ("64m", "1g", "512k", "100"): binary multiples, case-insensitive, optional "b"/"ib".</summary>
public static class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var s = text.Trim().ToLowerInvariant();
        if (s.EndsWith("ib", StringComparison.Ordinal)) s = s[..^2];
        else if (s.EndsWith('b')) s = s[..^1];
        var multiplier = 1L;
        if (s.Length > 0 && "kmgtp".IndexOf(s[^1]) is var unit and >= 0)
        {
            multiplier = 1L << (10 * (unit + 1));
            s = s[..^1];
        }
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        bytes = (long)(value * multiplier);
        return true;
    }
}
