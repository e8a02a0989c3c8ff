using System.Diagnostics;

namespace Platform.Testing;

/// <summary>The real docker CLI pointed at the platform, as a user runs it: a private client config, no pinned API version.</summary>
public static class DockerCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public static async Task<Result> RunAsync(string dockerHost, params string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOCKER_HOST"] = dockerHost;
        start.Environment["DOCKER_CONFIG"] = Path.Combine(Path.GetTempPath(), "platform-tests-docker-config");
        start.Environment.Remove("DOCKER_API_VERSION");
        start.Environment.Remove("DOCKER_CONTEXT");
        using var process = Process.Start(start)!;
        process.StandardInput.Close(); // no terminal and no input: prompts (login) fail instead of waiting
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static async Task<Result> SucceedAsync(string dockerHost, params string[] args)
    {
        var result = await RunAsync(dockerHost, args);
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', args)}\n{result}");
        return result;
    }
}
