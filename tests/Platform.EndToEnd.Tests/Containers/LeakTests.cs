namespace Platform.EndToEnd.Tests.Containers;

/// <summary>
/// A removed container leaves nothing on the host. The same check runs over the whole root when the suite ends
/// (PlatformFixture.DisposeAsync fails the run on a leak); this test proves the check sees each kind of leftover.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LeakTests(PlatformFixture platform)
{
    string Host => platform.DockerHost("unix");

    EngineLeaks LeftFor(string id) => EngineLeaks.Find(platform.Root, platform.RunDir, [id]);

    [Theory]
    [InlineData("rm -f of a running container")]
    [InlineData("rm of an exited container")]
    [InlineData("rm of a created container")]
    public async Task A_removed_container_leaves_no_mount_cgroup_process_or_directory(string how)
    {
        var name = "leak-" + Guid.NewGuid().ToString("N")[..8];
        var id = how switch
        {
            "rm of a created container" => (await DockerCli.SucceedAsync(Host, "create", "--name", name, PlatformFixture.Busybox, "true")).Stdout.Trim(),
            "rm of an exited container" => (await DockerCli.SucceedAsync(Host, "run", "-d", "--name", name, PlatformFixture.Busybox, "true")).Stdout.Trim(),
            _ => (await DockerCli.SucceedAsync(Host, "run", "-d", "--name", name, PlatformFixture.Busybox, "sleep", "300")).Stdout.Trim(),
        };
        if (how.Contains("exited")) await DockerCli.SucceedAsync(Host, "wait", name);
        // The exit is recorded (wait answers) before its clean-up ends: give that a moment.
        var whileItExists = await Eventually.PollAsync(() => Task.FromResult(LeftFor(id)),
            left => !how.Contains("exited") || left.Mounts.Count == 0, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));

        await DockerCli.SucceedAsync(Host, how.StartsWith("rm -f", StringComparison.Ordinal) ? ["rm", "-f", name] : ["rm", name]);
        var afterRemoval = LeftFor(id);

        // Docker's parity: an exited container's root filesystem is not mounted; created and running ones are.
        if (how.Contains("exited")) Assert.DoesNotContain(whileItExists.Mounts, mount => mount.EndsWith("/merged", StringComparison.Ordinal));
        else Assert.Contains(whileItExists.Mounts, mount => mount.EndsWith("/merged", StringComparison.Ordinal));
        Assert.Contains(whileItExists.Directories, dir => dir.EndsWith("/runtime/containers/" + id, StringComparison.Ordinal));
        if (how.StartsWith("rm -f", StringComparison.Ordinal))
        {
            Assert.Contains(whileItExists.Cgroups, cgroup => cgroup.StartsWith("/sys/fs/cgroup/memory/", StringComparison.Ordinal));
            Assert.Contains(whileItExists.Processes, process => process.Contains("conmon"));
        }
        Assert.True(afterRemoval.None, afterRemoval.ToString());
    }
}
