using System.Formats.Tar;
using System.Text;

namespace Platform.EndToEnd.Tests.Containers.Files;

/// <summary>Hand-made tar bodies for PUT /containers/{id}/archive, including the hostile ones no CLI would send.</summary>
static class TarBodies
{
    public static ByteArrayContent Of(params (TarEntryType Type, string Name, string Content)[] entries)
    {
        var archive = new MemoryStream();
        using (var tar = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
            foreach (var (type, name, content) in entries)
            {
                var entry = new PaxTarEntry(type, name) { Mode = (UnixFileMode)Convert.ToInt32("644", 8) };
                if (type == TarEntryType.RegularFile) entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                else if (type is TarEntryType.SymbolicLink or TarEntryType.HardLink) entry.LinkName = content;
                tar.WriteEntry(entry);
            }
        var body = new ByteArrayContent(archive.ToArray());
        body.Headers.ContentType = new("application/x-tar");
        return body;
    }

    /// <summary>The entries of a tar (name → content for files, link target for links).</summary>
    public static async Task<List<(string Name, TarEntryType Type, string Content)>> ReadAsync(Stream stream)
    {
        var entries = new List<(string, TarEntryType, string)>();
        await using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            var content = entry.DataStream is { } data ? await new StreamReader(data).ReadToEndAsync() : entry.LinkName;
            entries.Add((entry.Name, entry.EntryType, content));
        }
        return entries;
    }

    public static async Task<Dictionary<string, byte[]>> ReadBytesAsync(Stream stream)
    {
        var entries = new Dictionary<string, byte[]>();
        await using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
        {
            using var bytes = new MemoryStream();
            if (entry.DataStream is { } data) await data.CopyToAsync(bytes);
            entries[entry.Name] = bytes.ToArray();
        }
        return entries;
    }
}
