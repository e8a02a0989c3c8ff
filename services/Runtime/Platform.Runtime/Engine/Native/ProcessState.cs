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

    /// <summary>When the process began (clock ticks after boot, field 22 of /proc/pid/stat): tells a reused pid apart.</summary>
    public static ulong? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && ulong.TryParse(fields[19], out var ticks) ? ticks : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
