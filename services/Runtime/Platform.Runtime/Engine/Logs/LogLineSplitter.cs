namespace Platform.Runtime.Engine.Logs;

/// <summary>Yields complete "\n"-terminated lines of a growing file; a trailing fragment waits for the rest.</summary>
sealed class LogLineSplitter(Stream stream)
{
    byte[] _buffer = new byte[64 * 1024];
    int _start, _end;

    public async ValueTask<K8sLogLine?> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, newline - _start).ToArray();
                _start = newline + 1;
                if (K8sLogLine.Parse(line) is { } parsed) return parsed;
                continue;
            }
            Compact();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
            if (read == 0) return null;
            _end += read;
        }
    }

    void Compact()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            (_end, _start) = (_end - _start, 0);
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
    }
}
