using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Tests.Unit.Containers;

public sealed class HostConfigDefaultsTests
{
    [Fact]
    public void Defaults_are_filled_in_as_docker_stores_them()
    {
        var host = HostConfigDefaults.Normalize(new HostConfig { NetworkMode = "default" });

        Assert.Equal(("bridge", "no", 64L * 1024 * 1024, "json-file", "runc"),
            (host.NetworkMode, host.RestartPolicy.Name, host.ShmSize, host.LogConfig.Type, host.Runtime));
        Assert.Equal([0, 0], host.ConsoleSize);
    }

    [Theory]
    [InlineData("sometimes", 0, "invalid restart policy: unknown policy 'sometimes'")]
    [InlineData("always", 3, "maximum retry count can only be used with 'on-failure'")]
    [InlineData("on-failure", -1, "maximum retry count cannot be negative")]
    public void Bad_restart_policies_are_400s(string name, int retries, string message)
    {
        var error = Assert.Throws<DockerApiException>(() =>
            HostConfigDefaults.Normalize(new HostConfig { RestartPolicy = new() { Name = name, MaximumRetryCount = retries } }));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Auto_remove_with_a_restart_policy_conflicts()
    {
        var error = Assert.Throws<DockerApiException>(() =>
            HostConfigDefaults.Normalize(new HostConfig { AutoRemove = true, RestartPolicy = new() { Name = "always" } }));

        Assert.Contains("--restart and --rm", error.Message);
    }

    [Fact]
    public void A_memory_limit_under_6_mb_is_refused()
    {
        var error = Assert.Throws<DockerApiException>(() => HostConfigDefaults.Normalize(new HostConfig { Memory = 1024 * 1024 }));

        Assert.Equal("Minimum memory limit allowed is 6MB", error.Message);
    }
}
