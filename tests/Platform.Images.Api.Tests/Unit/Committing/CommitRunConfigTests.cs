using System.Text.Json.Nodes;
using Platform.Images.Committing;
using Platform.Images.Images;

namespace Platform.Images.Api.Tests.Unit.Committing;

/// <summary>The run config docker commit gives its image: the container's, edited by -c, gaps filled as moby merges.</summary>
public sealed class CommitRunConfigTests
{
    static JsonObject Container() => JsonNode.Parse("""
        {"Hostname":"0123456789ab","User":"","Tty":false,"Env":["PATH=/bin","A=1"],"Cmd":["sh","-c","echo hi > /greeting"],
         "Image":"busybox","Volumes":null,"WorkingDir":"/tmp","Entrypoint":null,"OnBuild":null,"Labels":{"team":"a"},
         "Healthcheck":{"Test":["CMD","true"]}}
        """)!.AsObject();

    [Fact]
    public void Without_changes_the_image_runs_what_the_container_ran()
    {
        var config = CommitRunConfig.For(null, Container(), []);

        Assert.Equal("""["sh","-c","echo hi \u003E /greeting"]""", config["Cmd"]!.ToJsonString());
        Assert.Equal(("/tmp", "0123456789ab", "busybox"), (config["WorkingDir"]!.GetValue<string>(), config["Hostname"]!.GetValue<string>(), config["Image"]!.GetValue<string>()));
        Assert.Equal("a", config["Labels"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public void Changes_replace_the_command_and_add_environment_and_labels() // one ENV expands against the environment before it
    {
        var config = CommitRunConfig.For(null, Container(), ["CMD [\"cat\",\"/greeting\"]", "ENV A=2 B=$A", "LABEL role=web", "EXPOSE 80"]);

        Assert.Equal(["cat", "/greeting"], config["Cmd"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["PATH=/bin", "A=2", "B=1"], config["Env"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["role", "team"], config["Labels"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(["80/tcp"], config["ExposedPorts"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void An_entrypoint_change_drops_the_containers_command()
    {
        var config = CommitRunConfig.For(null, Container(), ["ENTRYPOINT [\"/bin/app\"]"]);

        Assert.Null(config["Cmd"]);
        Assert.Equal(["/bin/app"], config["Entrypoint"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void A_requested_config_keeps_its_own_values_and_takes_the_rest_from_the_container()
    {
        var requested = JsonNode.Parse("""{"Env":["A=9","C=3"],"User":"nobody","Labels":{"team":"b"}}""")!.AsObject();

        var config = CommitRunConfig.For(requested, Container(), []);

        Assert.Equal(["A=9", "C=3", "PATH=/bin"], config["Env"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(("nobody", "b", "/tmp"), (config["User"]!.GetValue<string>(), config["Labels"]!["team"]!.GetValue<string>(), config["WorkingDir"]!.GetValue<string>()));
        Assert.Equal(["sh", "-c", "echo hi > /greeting"], config["Cmd"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.NotNull(config["Healthcheck"]);
    }

    [Fact]
    public void An_invalid_change_is_refused_as_Docker_refuses_it()
    {
        var error = Assert.Throws<ImageError>(() => CommitRunConfig.For(null, Container(), ["RUN echo no"]));

        Assert.Equal((400, "run is not a valid change command"), (error.Status, error.Message));
    }
}
