using System.Text;

namespace Platform.Images.Tests.Support;

/// <summary>
/// Tar bytes written by hand, for what TarWriter cannot express: PAX records whose values are binary (as GNU tar
/// writes <c>SCHILY.xattr.security.capability</c>).
/// </summary>
public sealed class RawTar
{
    readonly MemoryStream _out = new();

    public RawTar Pax(params (string Key, byte[] Value)[] records)
    {
        var body = new MemoryStream();
        foreach (var (key, value) in records)
        {
            var rest = Encoding.UTF8.GetByteCount(key) + value.Length + 3; // ' ' '=' '\n'
            var length = rest + 1;
            while (length.ToString().Length + rest != length) length++;
            body.Write(Encoding.ASCII.GetBytes($"{length} {key}="));
            body.Write(value);
            body.WriteByte((byte)'\n');
        }
        return Entry("PaxHeaders/entry", 'x', body.ToArray());
    }

    public RawTar Entry(string name, char type, byte[] data, int mode = 0b110_100_100)
    {
        var header = new byte[512];
        void Put(int offset, string text) => Encoding.ASCII.GetBytes(text).CopyTo(header, offset);
        Put(0, name);
        Put(100, Convert.ToString(mode, 8).PadLeft(7, '0'));
        Put(108, "0000000");
        Put(116, "0000000");
        Put(124, Convert.ToString(data.Length, 8).PadLeft(11, '0'));
        Put(136, Convert.ToString(1714979289, 8).PadLeft(11, '0'));
        header[156] = (byte)type;
        Put(257, "ustar\0");
        Put(263, "00");
        Put(148, "        ");
        var sum = header.Sum(b => b);
        Put(148, Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ");
        _out.Write(header);
        _out.Write(data);
        _out.Write(new byte[(512 - data.Length % 512) % 512]);
        return this;
    }

    public byte[] Build()
    {
        _out.Write(new byte[1024]);
        return _out.ToArray();
    }
}
