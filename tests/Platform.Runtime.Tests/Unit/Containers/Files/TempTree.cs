namespace Platform.Runtime.Tests.Unit.Containers.Files;

/// <summary>A throwaway directory tree for the file tests: a fake container root, a volume, a host dir outside them.</summary>
public sealed class TempTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("files-tests-").FullName;

    public string Dir(string relative) => Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;

    public string File(string relative, string content = "")
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Link(string relative, string target) => System.IO.File.CreateSymbolicLink(Path.Combine(Root, relative), target);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
