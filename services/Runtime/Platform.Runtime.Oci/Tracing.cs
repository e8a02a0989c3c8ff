namespace Platform.Runtime.Oci;

/// <summary>PLATFORM_OCI_TRACE=1: each step of create and init on stderr with the milliseconds since the process began.</summary>
static class Tracing
{
    static readonly bool On = Environment.GetEnvironmentVariable("PLATFORM_OCI_TRACE") == "1";

    public static void Mark(string step)
    {
        if (On) Console.Error.WriteLine($"{Environment.ProcessId} {(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds:F2} ms {step}");
    }
}
