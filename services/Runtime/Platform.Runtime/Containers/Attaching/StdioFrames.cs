using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Containers.Attaching;

/// <summary>Docker's stream framing (docker-api.md §6.2): an 8-byte header per frame when not a TTY, raw bytes otherwise.</summary>
public static class StdioFrames
{
    public static void Write(PipeWriter output, bool multiplexed, AttachStream stream, ReadOnlySpan<byte> payload)
    {
        if (multiplexed)
        {
            var header = output.GetSpan(8);
            header[0] = (byte)stream;
            header[1] = header[2] = header[3] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)payload.Length);
            output.Advance(8);
        }
        output.Write(payload);
    }

    public static void Write(PipeWriter output, bool multiplexed, AttachStream stream, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> payload)
    {
        if (prefix.IsEmpty) { Write(output, multiplexed, stream, payload); return; }
        var joined = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(joined);
        payload.CopyTo(joined.AsSpan(prefix.Length));
        Write(output, multiplexed, stream, joined);
    }
}
