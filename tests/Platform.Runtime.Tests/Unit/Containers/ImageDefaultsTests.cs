using Platform.Runtime.Containers.Creating;
using Platform.Runtime.Containers.Model;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Tests.Unit.Containers;

public sealed class ImageDefaultsTests
{
    const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static ContainerConfig Image() => new()
    {
        Env = ["PATH=/usr/bin:/bin", "LANG=C"], Cmd = ["sh"], WorkingDir = "/srv", User = "app",
        ExposedPorts = new() { ["80/tcp"] = new() }, Labels = new() { ["from"] = "image", ["both"] = "image" }, StopSignal = "SIGQUIT",
    };

    [Fact]
    public void An_empty_request_takes_everything_from_the_image()
    {
        var merged = ImageDefaults.Merge(new ContainerConfig { Image = "busybox" }, Image(), Id);

        Assert.Equal(["sh"], merged.Cmd!);
        Assert.Null(merged.Entrypoint);
        Assert.Equal(["PATH=/usr/bin:/bin", "LANG=C"], merged.Env);
        Assert.Equal(("/srv", "app", "SIGQUIT", "0123456789ab"), (merged.WorkingDir, merged.User, merged.StopSignal, merged.Hostname));
        Assert.Equal(["80/tcp"], merged.ExposedPorts!.Keys);
    }

    [Fact]
    public void The_request_wins_by_env_key_and_label_and_an_entrypoint_drops_the_image_cmd()
    {
        var request = new ContainerConfig
        {
            Image = "busybox", Env = ["LANG=en", "EXTRA=1"], Entrypoint = ["/bin/echo"], Labels = new() { ["both"] = "request" },
        };

        var merged = ImageDefaults.Merge(request, Image(), Id);

        Assert.Equal(["PATH=/usr/bin:/bin", "LANG=en", "EXTRA=1"], merged.Env);
        Assert.Equal(["/bin/echo"], merged.Entrypoint!);
        Assert.Null(merged.Cmd);
        Assert.Equal("request", merged.Labels!["both"]);
        Assert.Equal("image", merged.Labels["from"]);
    }

    [Fact]
    public void No_command_anywhere_is_a_400()
    {
        var error = Assert.Throws<DockerApiException>(() => ImageDefaults.Merge(new ContainerConfig { Image = "x" }, new ContainerConfig(), Id));

        Assert.Equal((400, "no command specified"), (error.StatusCode, error.Message));
    }

    [Fact]
    public void A_relative_working_directory_is_refused()
    {
        var error = Assert.Throws<DockerApiException>(() =>
            ImageDefaults.Merge(new ContainerConfig { Image = "x", Cmd = ["true"], WorkingDir = "tmp" }, null, Id));

        Assert.Equal(400, error.StatusCode);
    }
}
