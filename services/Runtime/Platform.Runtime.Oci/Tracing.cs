namespace Platform.Runtime.Oci;

/// <summary>
/// PLATFORM_OCI_TRACE=1: each step of create and init on stderr, stamped with the monotonic clock in milliseconds
/// (the same clock in every process, so the steps of create, its init and their caller line up).
/// </summary>
static class Tracing
{
    static readonly bool On = Environment.GetEnvironmentVariable("PLATFORM_OCI_TRACE") == "1";

    public static void Mark(string step)
    {
        if (On) Console.Error.WriteLine($"{Environment.ProcessId} {System.Diagnostics.Stopwatch.GetTimestamp() * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F2} {step}");
    }
}
