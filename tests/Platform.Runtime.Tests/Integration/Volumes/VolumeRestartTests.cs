using System.Text.Json;
using Platform.Testing;

namespace Platform.Runtime.Tests.Integration.Volumes;

/// <summary>Volumes are journal facts: a runtime restart (graceful or kill -9) brings back exactly what was there.</summary>
public sealed class VolumeRestartTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("platform-volumes-restart-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Volumes_and_their_data_survive_a_runtime_restart(bool crash)
    {
        string before;
        await using (var runtime = await ServiceProcess.StartAsync(RuntimeProcess.Options(_root)))
        {
            var host = $"tcp://127.0.0.1:{runtime.Port}";
            await DockerCli.SucceedAsync(host, "volume", "create", "--label", "keep=yes", "kept");
            await DockerCli.SucceedAsync(host, "volume", "create", "dropped");
            await DockerCli.SucceedAsync(host, "volume", "rm", "dropped");
            before = (await DockerCli.SucceedAsync(host, "volume", "inspect", "kept")).Stdout;
            var mountpoint = JsonDocument.Parse(before).RootElement[0].GetProperty("Mountpoint").GetString()!;
            await File.WriteAllTextAsync(Path.Combine(mountpoint, "state.txt"), "written before the restart");
            if (crash) runtime.Kill(); else await runtime.StopAsync();
        }

        await using var restarted = await ServiceProcess.StartAsync(RuntimeProcess.Options(_root));
        var again = $"tcp://127.0.0.1:{restarted.Port}";
        Assert.Equal(before, (await DockerCli.SucceedAsync(again, "volume", "inspect", "kept")).Stdout);
        Assert.Equal("kept", (await DockerCli.SucceedAsync(again, "volume", "ls", "-q")).Stdout.Trim());
        Assert.Equal("written before the restart",
            await File.ReadAllTextAsync(Path.Combine(_root, "runtime", "volumes", "kept", "_data", "state.txt")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
