using System.Reflection;

namespace Platform.Runtime;

/// <summary>Build identity: the git commit (from the SDK's source revision) and when the binary was built.</summary>
public static class ThisAssembly
{
    public static string Commit { get; } =
        (typeof(ThisAssembly).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "")
        .Split('+') is [_, var sha, ..] ? sha[..Math.Min(7, sha.Length)] : "unknown";

    public static string BuildTime { get; } =
        (BinaryPath() is { } path ? File.GetLastWriteTimeUtc(path) : DateTime.UnixEpoch)
        .ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The managed assembly when run by the dotnet host, else the native executable (Native AOT).</summary>
    static string? BinaryPath()
    {
        var managed = Path.Combine(AppContext.BaseDirectory, "Platform.Runtime.dll");
        if (File.Exists(managed)) return managed;
        return Environment.ProcessPath is { } native && File.Exists(native) ? native : null;
    }
}
