namespace Platform.Testing;

/// <summary>The last lines a process wrote to stdout and stderr, interleaved as they arrived. Thread-safe.</summary>
public sealed class OutputTail(int capacity = 400)
{
    readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    public bool Contains(string text)
    {
        lock (_lines) return _lines.Any(l => l.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    public string Last(int count = 60)
    {
        lock (_lines) return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - count)));
    }

    public override string ToString() => Last(int.MaxValue);
}
