namespace Platform.Testing;

/// <summary>
/// A default-bridge subnet (10.200–249.0.0/16) for one platform boot, claimed with a file per subnet so test
/// assemblies booting side by side never share one; a claim whose process is gone is taken over.
/// </summary>
public static class TestSubnets
{
    static readonly string Claims = Path.Combine(Path.GetTempPath(), "platform-test-subnets");

    public static int Claim()
    {
        Directory.CreateDirectory(Claims);
        for (var k = 0; k < 50; k++)
        {
            var path = Path.Combine(Claims, k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                using var claim = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(claim);
                writer.Write(Environment.ProcessId);
                return 200 + k;
            }
            catch (IOException) when (File.Exists(path) && !Alive(path))
            {
                File.Delete(path);
                k--; // try this one again
            }
            catch (IOException)
            {
            }
        }
        throw new InvalidOperationException($"no free test subnet: every claim in {Claims} belongs to a live process");
    }

    static bool Alive(string path) =>
        int.TryParse(File.ReadAllText(path), out var pid) && (pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}"));
}
