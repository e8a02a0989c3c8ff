namespace Platform.Testing;

/// <summary>The checkout the tests run from: the nearest directory above the test binaries holding Platform.sln.</summary>
public static class RepositoryRoot
{
    static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>A path inside the repository, from forward-slash segments ("deploy/infra.sh").</summary>
    public static string Combine(string relative) =>
        System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
