namespace Platform.Runtime.Engine;

/// <summary>What images prepared for a container (services/Images/LAYOUT.md): overlay lower dirs, top-most first, or a vfs tree.</summary>
public sealed record RootfsPlan(string Driver, IReadOnlyList<string> LowerDirs, string? VfsDir);
