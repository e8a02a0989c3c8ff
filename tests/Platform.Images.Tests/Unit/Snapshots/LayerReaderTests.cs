using System.Formats.Tar;
using Platform.Images.Snapshots;
using Platform.Images.Snapshots.Layers;
using Platform.Images.Snapshots.Unpacking;
using Platform.Images.Tests.Support;

namespace Platform.Images.Tests.Unit.Snapshots;

public class LayerReaderTests
{
    static readonly byte[] Tar = new LayerBuilder().Dir("etc").File("etc/hostname", "box\n").Tar();

    static (LayerCompression, string) ReadAll(byte[] blob)
    {
        using var reader = LayerReader.Open(new MemoryStream(blob));
        var entries = new List<string>();
        using (var tar = new TarReader(reader, leaveOpen: true))
            while (tar.GetNextEntry() is { } entry) entries.Add(entry.Name);
        Assert.Equal(LayerBuilder.DiffIdOf(Tar), reader.Complete());
        return (reader.Compression, string.Join(",", entries));
    }

    [Fact]
    public void A_plain_tar_is_read_as_is_and_its_diff_id_is_its_sha256()
    {
        Assert.Equal((LayerCompression.None, "etc,etc/hostname"), ReadAll(Tar));
    }

    [Fact]
    public void Gzip_is_detected_by_magic_and_the_diff_id_is_of_the_uncompressed_tar()
    {
        Assert.Equal((LayerCompression.Gzip, "etc,etc/hostname"), ReadAll(LayerBuilder.Gzip(Tar)));
    }

    [Fact]
    public void Zstd_is_detected_by_magic_and_decoded_with_the_system_libzstd()
    {
        Assert.Equal((LayerCompression.Zstd, "etc,etc/hostname"), ReadAll(LayerBuilder.Zstd(Tar)));
    }

    [Fact]
    public void Concatenated_zstd_frames_are_one_layer()
    {
        var half = Tar.Length / 2;
        var blob = LayerBuilder.Zstd(Tar[..half]).Concat(LayerBuilder.Zstd(Tar[half..])).ToArray();

        Assert.Equal((LayerCompression.Zstd, "etc,etc/hostname"), ReadAll(blob));
    }

    [Theory]
    [InlineData(new byte[] { 0x42, 0x5a, 0x68, 0x39, 0x31, 0x41 }, "bzip2")]
    [InlineData(new byte[] { 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00 }, "xz")]
    public void Other_compressions_are_refused_by_name(byte[] magic, string name)
    {
        var error = Assert.Throws<LayerFormatException>(() => LayerReader.Open(new MemoryStream(magic)));

        Assert.Equal($"unsupported layer compression: {name}", error.Message);
    }

    [Fact]
    public void Garbage_after_the_gzip_magic_is_a_corrupt_layer()
    {
        byte[] blob = [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x03, 0xff, 0xff, 0xff, 0xff];
        using var reader = LayerReader.Open(new MemoryStream(blob));

        var error = Assert.Throws<LayerFormatException>(() => reader.Complete());

        Assert.StartsWith("layer gzip stream is corrupt", error.Message);
    }

    [Fact]
    public void A_truncated_zstd_stream_is_refused()
    {
        var blob = LayerBuilder.Zstd(Tar);
        using var reader = LayerReader.Open(new MemoryStream(blob[..(blob.Length - 5)]));

        var error = Assert.Throws<LayerFormatException>(() => reader.Complete());

        Assert.Contains("zstd", error.Message);
    }

    [Fact]
    public void Binary_xattr_values_reach_the_unpacker_byte_for_byte()
    {
        // cap_setuid+ep: a capability whose mask byte is 0x80, which is not valid UTF-8 on its own.
        byte[] capability = [0x01, 0x00, 0x00, 0x02, 0x80, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var tar = new RawTar()
            .Pax(("SCHILY.xattr.security.capability", capability), ("SCHILY.xattr.user.note", "hello"u8.ToArray()))
            .Entry("bin/newuidmap", '0', "ELF"u8.ToArray())
            .Entry("bin/other", '0', "x"u8.ToArray())
            .Build();
        var tap = new PaxXattrTap(new MemoryStream(tar));
        using var reader = new TarReader(tap);

        var first = reader.GetNextEntry()!;
        var firstXattrs = tap.Current;
        reader.GetNextEntry();

        Assert.Equal("bin/newuidmap", first.Name);
        Assert.Equal(capability, firstXattrs!["SCHILY.xattr.security.capability"]);
        Assert.Equal("hello"u8.ToArray(), firstXattrs["SCHILY.xattr.user.note"]);
        Assert.Null(tap.Current);
    }
}
