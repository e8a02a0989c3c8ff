namespace Platform.Runtime.DockerApi.System;

public sealed record SystemVersion(
    VersionPlatform Platform, IReadOnlyList<VersionComponent> Components, string Version, string ApiVersion,
    string MinAPIVersion, string GitCommit, string GoVersion, string Os, string Arch, string KernelVersion,
    bool Experimental, string BuildTime);

public sealed record VersionPlatform(string Name);

public sealed record VersionComponent(string Name, string Version, IReadOnlyDictionary<string, string> Details);
