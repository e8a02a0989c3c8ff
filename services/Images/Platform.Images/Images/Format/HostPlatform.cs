using System.Runtime.InteropServices;

namespace Platform.Images.Images.Format;

/// <summary>This host's platform in Go's GOOS/GOARCH spelling, the default for imports and the choice in an index.</summary>
public static class HostPlatform
{
    public const string Os = "linux";

    public static string Architecture { get; } = RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.X86 => "386",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        var other => other.ToString().ToLowerInvariant(),
    };

    public static bool Matches(PlatformSpec? platform) =>
        platform is null || platform.Os == Os && platform.Architecture == Architecture;
}
