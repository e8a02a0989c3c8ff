namespace Platform.Runtime.Engine;

/// <summary>conmon's control fifo ({bundle}/ctl): "1 h w\n" resizes the TTY.</summary>
static class ControlFifo
{
    public static async Task ResizeAsync(string bundleDir, int height, int width)
    {
        var path = Path.Combine(bundleDir, "ctl");
        if (!File.Exists(path)) throw new EngineException("container has no running monitor to resize", 409);
        // conmon keeps a writer open on its own fifo, so opening for write does not block.
        await using var fifo = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        await fifo.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"1 {height} {width}\n"));
    }
}
