using System.Globalization;
using System.Text;

namespace Platform.Images.Distribution.Progress;

/// <summary>
/// moby's pre-rendered <c>progress</c> text as a daemon renders it (no terminal, so 200 columns):
/// <c>[=========================&gt;                         ]  1.049MB/2.097MB</c>.
/// </summary>
public static class ProgressBar
{
    public static string Render(long current, long total)
    {
        if (current <= 0 && total <= 0) return "";
        if (total <= 0) return HumanSize(current).PadLeft(8);
        var percentage = Math.Min(50, (int)((double)current / total * 100) / 2);
        var bar = new StringBuilder("[").Append('=', percentage).Append('>').Append(' ', 50 - percentage).Append("] ");
        bar.Append(HumanSize(current).PadLeft(8));
        if (current <= total) bar.Append('/').Append(HumanSize(total));
        return bar.ToString();
    }

    /// <summary>go-units HumanSize: decimal units, 4 significant digits (<c>%.4g</c>) — <c>2.097MB</c>, <c>512B</c>.</summary>
    public static string HumanSize(double size)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        var unit = 0;
        while (size >= 1000 && unit < units.Length - 1)
        {
            size /= 1000;
            unit++;
        }
        return size.ToString("G4", CultureInfo.InvariantCulture).Replace("E+0", "e+0").Replace("E", "e") + units[unit];
    }
}
