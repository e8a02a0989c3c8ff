using System.Globalization;

namespace Platform.Runtime.Shipping;

/// <summary>
/// The highest journal sequence the broker has confirmed. Written after each confirmed batch (temp file + rename);
/// after a crash the shipper may resend a few confirmed entries, which consumers drop by message id.
/// </summary>
public sealed class ShippingCursor(string path)
{
    public long Read() =>
        File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;

    public void Write(long sequence)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, sequence.ToString(CultureInfo.InvariantCulture));
        File.Move(temp, path, overwrite: true);
    }
}
