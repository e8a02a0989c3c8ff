using Platform.Testing;

namespace Platform.EndToEnd.Tests.Containers;

/// <summary>docker commit: a container's changes become an image that runs, on top of its image's shared layers.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CommitTests(PlatformFixture platform)
{
    string Host => platform.DockerHost("unix");

    static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    async Task<string> InspectAsync(string format, string image) =>
        (await DockerCli.SucceedAsync(Host, "image", "inspect", "--format", format, image)).Stdout.Trim();

    [Fact]
    public async Task A_commit_keeps_the_files_written_and_removed_with_the_new_command_author_and_comment()
    {
        var (name, image) = (NewName("commit"), NewName("mine") + ":1");
        await DockerCli.SucceedAsync(Host, "run", "--name", name, PlatformFixture.Busybox, "sh", "-c", "echo hi > /greeting; rm /etc/group");

        var commit = await DockerCli.SucceedAsync(Host, "commit", "-c", "CMD [\"cat\",\"/greeting\"]", "-m", "msg", "-a", "me", name, image);

        Assert.Matches("^sha256:[0-9a-f]{64}$", commit.Stdout.Trim());
        Assert.Equal(commit.Stdout.Trim(), await InspectAsync("{{.Id}}", image));
        Assert.Equal("hi\n", (await DockerCli.SucceedAsync(Host, "run", "--rm", image)).Stdout);
        var files = await DockerCli.SucceedAsync(Host, "run", "--rm", image, "sh", "-c", "test -e /etc/group || echo group gone; head -1 /etc/passwd");
        Assert.Equal("group gone\nroot:x:0:0:root:/root:/bin/sh\n", files.Stdout);
        var history = await DockerCli.SucceedAsync(Host, "history", "--no-trunc", "--format", "{{.Comment}}|{{.CreatedBy}}", image);
        Assert.Equal("msg|sh -c echo hi > /greeting; rm /etc/group", history.Stdout.Split('\n')[0]);
        Assert.Equal("me|msg|[cat /greeting]", await InspectAsync("{{.Author}}|{{.Comment}}|{{.Config.Cmd}}", image));
        var parentLayers = await InspectAsync("{{range .RootFS.Layers}}{{.}} {{end}}", PlatformFixture.Busybox);
        var layers = await InspectAsync("{{range .RootFS.Layers}}{{.}} {{end}}", image);
        Assert.StartsWith(parentLayers, layers);
        Assert.Single(layers[parentLayers.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));

        await DockerCli.SucceedAsync(Host, "rm", name);
        await DockerCli.SucceedAsync(Host, "rmi", image);
    }

    [Fact]
    public async Task A_running_container_is_committed_paused_and_keeps_running()
    {
        var name = NewName("commit-running");
        await DockerCli.SucceedAsync(Host, "run", "-d", "--name", name, PlatformFixture.Busybox, "sh", "-c", "mkdir -p /data/x; echo one > /data/x/file; sleep 300");
        await Eventually.PollAsync(() => DockerCli.RunAsync(Host, "exec", name, "cat", "/data/x/file"), r => r.Stdout == "one\n", TimeSpan.FromSeconds(10));

        var id = (await DockerCli.SucceedAsync(Host, "commit", name)).Stdout.Trim();

        Assert.Equal("running", (await DockerCli.SucceedAsync(Host, "inspect", "--format", "{{.State.Status}}", name)).Stdout.Trim());
        Assert.Equal("one\n", (await DockerCli.SucceedAsync(Host, "run", "--rm", id, "cat", "/data/x/file")).Stdout);
        Assert.Equal("<none>:<none>", (await DockerCli.SucceedAsync(Host, "image", "inspect", "--format", "{{if .RepoTags}}tagged{{else}}<none>:<none>{{end}}", id)).Stdout.Trim());

        await DockerCli.SucceedAsync(Host, "rm", "-f", name);
        await DockerCli.SucceedAsync(Host, "rmi", id);
    }

    [Fact]
    public async Task A_container_that_changed_nothing_adds_no_layer()
    {
        var (name, image) = (NewName("commit-unchanged"), NewName("same") + ":1");
        await DockerCli.SucceedAsync(Host, "run", "--name", name, PlatformFixture.Busybox, "true");

        await DockerCli.SucceedAsync(Host, "commit", name, image);

        var format = "{{len .RootFS.Layers}}";
        Assert.Equal(await InspectAsync(format, PlatformFixture.Busybox), await InspectAsync(format, image));
        await DockerCli.SucceedAsync(Host, "rm", name);
        await DockerCli.SucceedAsync(Host, "rmi", image);
    }

    [Fact]
    public async Task Committing_a_container_that_does_not_exist_says_so()
    {
        var result = await DockerCli.RunAsync(Host, "commit", "no-such-container-here", "x:1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No such container: no-such-container-here", result.Stderr);
    }
}
