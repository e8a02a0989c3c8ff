using System.Text;
using System.Text.Json;
using Platform.Images.Archives.Importing;
using Platform.Images.Images;

namespace Platform.Images.Api.Tests.Unit.Archives;

/// <summary>docker import --change: Dockerfile instructions applied to the run config as moby's BuildFromConfig does.</summary>
public sealed class ImageChangesTests
{
    static RunConfig Apply(params string[] changes) => ImageChanges.Apply(new RunConfig(), changes);

    [Fact]
    public void Cmd_and_entrypoint_in_exec_and_shell_form()
    {
        var config = Apply("CMD [\"sh\", \"-c\", \"echo hi\"]", "ENTRYPOINT /bin/tini --");

        Assert.Equal(["sh", "-c", "echo hi"], config.Cmd!);
        Assert.Equal(["/bin/sh", "-c", "/bin/tini --"], config.Entrypoint!);
    }

    [Fact]
    public void An_entrypoint_without_an_earlier_cmd_clears_cmd()
    {
        var config = ImageChanges.Apply(new RunConfig { Cmd = ["old"] }, ["ENTRYPOINT [\"/app\"]"]);

        Assert.Null(config.Cmd);
    }

    [Fact]
    public void Env_pairs_quotes_legacy_form_replacement_and_expansion()
    {
        var config = Apply("ENV PATH=/usr/bin A=1", "ENV B \"two words\"", "ENV A=2 C=\"$A-x\" D=${MISSING:-dflt}");

        Assert.Equal(["PATH=/usr/bin", "A=2", "B=two words", "C=1-x", "D=dflt"], config.Env!);
    }

    [Fact]
    public void Labels_ports_volumes_user_stopsignal_onbuild()
    {
        var config = Apply("LABEL a=b \"c d\"=e", "EXPOSE 80 53/udp 8000-8001", "VOLUME [\"/data\"]", "VOLUME /logs /tmp",
            "USER app:app", "STOPSIGNAL SIGQUIT", "ONBUILD RUN echo hi");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "b", ["c d"] = "e" }, config.Labels!);
        Assert.Equal(["53/udp", "80/tcp", "8000/tcp", "8001/tcp"], config.ExposedPorts!);
        Assert.Equal(["/data", "/logs", "/tmp"], config.Volumes!);
        Assert.Equal(("app:app", "SIGQUIT"), (config.User, config.StopSignal));
        Assert.Equal(["RUN echo hi"], config.OnBuild!);
    }

    [Fact]
    public void Workdir_is_joined_and_cleaned() =>
        Assert.Equal("/srv/app/web", Apply("WORKDIR /srv", "WORKDIR app/./x/..", "WORKDIR web").WorkingDir);

    [Fact]
    public void Instructions_are_case_insensitive_and_lines_continue() =>
        Assert.Equal(["sh", "-c", "x"], Apply("cmd [\"sh\", \\\n \"-c\", \"x\"]").Cmd!);

    [Theory]
    [InlineData("RUN echo hi", "run is not a valid change command")]
    [InlineData("FROM busybox", "from is not a valid change command")]
    [InlineData("ENV ", "ENV requires at least one argument")]
    [InlineData("ENV A=1 B", "Syntax error - can't find = in \"B\". Must be of the form: name=value")]
    [InlineData("STOPSIGNAL SIGNOPE", "Invalid signal: SIGNOPE")]
    [InlineData("EXPOSE 80/icmp", "invalid proto: icmp")]
    [InlineData("EXPOSE http", "invalid containerPort: http")]
    [InlineData("ONBUILD FROM x", "FROM isn't allowed as an ONBUILD trigger")]
    [InlineData("HEALTHCHECK NONE", "HEALTHCHECK changes are not supported yet")]
    public void Bad_changes_are_a_400_with_Dockers_message(string change, string message)
    {
        var error = Assert.Throws<ImageError>(() => Apply(change));

        Assert.Equal((400, message), (error.Status, error.Message));
    }

    [Fact]
    public void The_config_is_written_in_Dockers_field_order_with_nulls_for_unset_lists()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) Apply("CMD [\"sh\"]").WriteTo(json);

        Assert.Equal("""{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":["sh"],"Image":"","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null}""",
            Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
