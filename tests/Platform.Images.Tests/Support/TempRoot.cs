namespace Platform.Images.Tests.Support;

/// <summary>
/// A private host root under /tmp for one test. Disposing unmounts anything still mounted below it (a failed test
/// must not leave a mount behind) and deletes it.
/// </summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = Directory.CreateDirectory(System.IO.Path.Combine("/tmp", "platform-images-tests", Guid.NewGuid().ToString("N"))).FullName;
    }

    public string Path { get; }

    public string Sub(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

    public void Dispose()
    {
        foreach (var mountPoint in Mounts.Under(Path).Reverse()) Mounts.Unmount(mountPoint);
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
