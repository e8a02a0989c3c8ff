namespace Platform.Runtime.Oci;

/// <summary>
/// PLATFORM_OCI_TRACE=1: each step of create and init on stderr; PLATFORM_OCI_TRACE=/a/file: appended to that file
/// (conmon keeps the runtime's stderr to itself). Each line is stamped with the process id and the monotonic clock in
/// milliseconds, the same clock in every process, so the steps of create, its init and their caller line up.
/// </summary>
static class Tracing
{
    static readonly string? Target = Environment.GetEnvironmentVariable("PLATFORM_OCI_TRACE") is { Length: > 0 } t && t != "0" ? t : null;

    public static void Mark(string step)
    {
        if (Target is null) return;
        var line = $"{Environment.ProcessId} {System.Diagnostics.Stopwatch.GetTimestamp() * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F2} {step}\n";
        if (Target == "1") Console.Error.Write(line);
        else File.AppendAllText(Target, line);
    }
}
