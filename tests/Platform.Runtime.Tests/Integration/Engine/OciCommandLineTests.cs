using System.Diagnostics;
using Platform.Runtime.Engine;

namespace Platform.Runtime.Tests.Integration.Engine;

/// <summary>platform-oci's own command line: a wrong call is told what is wrong and how to call it, in a line or two.</summary>
public sealed class OciCommandLineTests
{
    static async Task<(int Code, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(EngineFixture.PublishedOci() ?? EngineSettings.BuiltinOci) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stderr);
    }

    [Fact]
    public async Task No_command_is_a_usage_error_not_a_crash()
    {
        var (code, stderr) = await RunAsync();
        Assert.Equal(2, code);
        Assert.Contains("no command given", stderr);
        Assert.Contains("usage: platform-oci", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
    }

    [Fact]
    public async Task Unknown_container_is_an_error_line()
    {
        var root = Directory.CreateTempSubdirectory("oci-root-").FullName;
        try
        {
            var (code, stderr) = await RunAsync("--root", root, "state", "nosuchcontainer");
            Assert.Equal(1, code);
            Assert.Equal("container does not exist: nosuchcontainer", stderr.Trim());
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
