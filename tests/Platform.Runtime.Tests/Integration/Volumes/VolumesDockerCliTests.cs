using System.Text.Json;
using Platform.Testing;

namespace Platform.Runtime.Tests.Integration.Volumes;

/// <summary>The real docker CLI pointed straight at the runtime, asserting on what a user reads.</summary>
public sealed class VolumesDockerCliTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    Task<DockerCli.Result> Docker(params string[] args) => DockerCli.RunAsync(fixture.DockerHost, args);
    Task<DockerCli.Result> Succeed(params string[] args) => DockerCli.SucceedAsync(fixture.DockerHost, args);

    [Fact]
    public async Task Create_ls_inspect_rm_as_a_user_sees_them()
    {
        var name = RuntimeFixture.Unique("cli");
        Assert.Equal(name, (await Succeed("volume", "create", "--label", "env=test", name)).Stdout.Trim());

        var ls = (await Succeed("volume", "ls", "--filter", "name=" + name)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("DRIVER    VOLUME NAME", ls[0].TrimEnd());
        Assert.Matches($@"^local\s+{name}$", ls[1].TrimEnd());

        var inspect = JsonDocument.Parse((await Succeed("volume", "inspect", name)).Stdout).RootElement[0];
        Assert.Equal(name, inspect.GetProperty("Name").GetString());
        Assert.Equal("test", inspect.GetProperty("Labels").GetProperty("env").GetString());
        Assert.EndsWith($"/runtime/volumes/{name}/_data", inspect.GetProperty("Mountpoint").GetString());
        Assert.Equal("local", (await Succeed("volume", "inspect", "-f", "{{.Scope}}", name)).Stdout.Trim());

        Assert.Equal(name, (await Succeed("volume", "rm", name)).Stdout.Trim());
        var gone = await Docker("volume", "inspect", name);
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains($"get {name}: no such volume", gone.Stderr);
    }

    [Fact]
    public async Task Errors_read_as_docker_s()
    {
        var plugin = await Docker("volume", "create", "-d", "nfs", "x-plugin");
        Assert.NotEqual(0, plugin.ExitCode);
        Assert.Contains("Error response from daemon: create x-plugin: error looking up volume plugin nfs: plugin \"nfs\" not found", plugin.Stderr);

        var invalid = await Docker("volume", "create", "bad:name");
        Assert.Contains("\"bad:name\" includes invalid characters for a local volume name", invalid.Stderr);

        var rm = await Docker("volume", "rm", "never-there");
        Assert.Contains("Error response from daemon: get never-there: no such volume", rm.Stderr);
        await Succeed("volume", "rm", "-f", "never-there");
    }

    [Fact]
    public async Task Ls_quiet_filters_by_label_and_dangling()
    {
        var tag = RuntimeFixture.Unique("qtag");
        var a = RuntimeFixture.Unique("qa");
        var b = RuntimeFixture.Unique("qb");
        await Succeed("volume", "create", "--label", tag + "=1", a);
        await Succeed("volume", "create", "--label", tag + "=2", b);

        Assert.Equal($"{a}\n{b}", (await Succeed("volume", "ls", "-q", "-f", "label=" + tag)).Stdout.Trim());
        Assert.Equal(b, (await Succeed("volume", "ls", "-q", "-f", $"label={tag}=2")).Stdout.Trim());
        Assert.Equal($"{a}\n{b}", (await Succeed("volume", "ls", "-q", "-f", "label=" + tag, "-f", "dangling=true")).Stdout.Trim());
    }

    [Fact]
    public async Task Prune_removes_anonymous_volumes_and_with_all_the_named_ones()
    {
        var tag = RuntimeFixture.Unique("ptag");
        var named = RuntimeFixture.Unique("pnamed");
        await Succeed("volume", "create", "--label", tag, named);
        var anonymous = (await Succeed("volume", "create", "--label", tag)).Stdout.Trim();

        var pruned = (await Succeed("volume", "prune", "-f", "--filter", "label=" + tag)).Stdout;
        Assert.Contains($"Deleted Volumes:\n{anonymous}\n", pruned);
        Assert.DoesNotContain(named, pruned);
        Assert.Contains("Total reclaimed space: 0B", pruned);

        pruned = (await Succeed("volume", "prune", "-af", "--filter", "label=" + tag)).Stdout;
        Assert.Contains($"Deleted Volumes:\n{named}\n", pruned);
        Assert.Equal("", (await Succeed("volume", "ls", "-q", "-f", "label=" + tag)).Stdout.Trim());
    }
}
