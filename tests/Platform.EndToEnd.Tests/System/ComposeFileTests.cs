using System.Diagnostics;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.System;

public sealed class ComposeFileTests
{
    [Fact]
    public async Task The_compose_file_is_valid_and_describes_the_whole_topology()
    {
        var start = new ProcessStartInfo("docker-compose", ["-f", RepositoryRoot.Combine("docker-compose.yml"), "config", "--services"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error);
        Assert.Equal(
            ["build", "events", "gateway", "images", "networking", "postgres", "rabbitmq", "registry", "runtime"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }
}
