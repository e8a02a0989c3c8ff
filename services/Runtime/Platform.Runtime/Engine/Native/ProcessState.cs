namespace Platform.Runtime.Engine.Native;

/// <summary>Whether a process still runs, from the kernel's view of it.</summary>
static class ProcessState
{
    /// <summary>True for a live process; false when it does not exist or is a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0 || Libc.kill(pid, 0) != 0) return false;
        try
        {
            // The state letter follows the ")" that ends the command name.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
