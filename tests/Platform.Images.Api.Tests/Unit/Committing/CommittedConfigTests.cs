using System.Text.Json.Nodes;
using Platform.Images.Committing;
using Platform.Images.Images.Format;

namespace Platform.Images.Api.Tests.Unit.Committing;

/// <summary>The image config a commit writes: its parent's, one history entry and one layer more.</summary>
public sealed class CommittedConfigTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    static readonly string Parent = "sha256:" + new string('1', 64);
    static readonly string Layer = "sha256:" + new string('2', 64);

    static JsonObject ParentConfig() => JsonNode.Parse($$"""
        {"architecture":"amd64","os":"linux","variant":"v8","created":"2020-01-01T00:00:00Z","docker_version":"20.10",
         "container":"abc","config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":["{{Parent}}"]},
         "history":[{"created":"2020-01-01T00:00:00Z","created_by":"ADD rootfs"}]}
        """)!.AsObject();

    static ImageConfigFile Write(string? diffId, string author = "me", string comment = "msg") =>
        ImageConfigFile.Parse(CommittedConfig.Write(ParentConfig(),
            new CommitChild(JsonNode.Parse("""{"Cmd":["cat","/greeting"]}""")!.AsObject(), author, comment, "sh -c echo hi", diffId, Now)));

    [Fact]
    public void The_new_layer_goes_on_top_of_the_parents_and_history_tells_who_why_and_how()
    {
        var config = Write(Layer);

        Assert.Equal([Parent, Layer], config.DiffIds);
        Assert.Equal(("me", "msg", Now, "amd64", "linux", "v8"), (config.Author, config.Comment, config.Created, config.Architecture, config.Os, config.Variant));
        Assert.Equal(2, config.History.Count);
        Assert.Equal(new HistoryEntry(Now, "sh -c echo hi", "msg", "me", EmptyLayer: false), config.History[1]);
        Assert.Equal("""["cat","/greeting"]""", config.Config!.Value.GetProperty("Cmd").GetRawText());
        Assert.Equal("", config.DockerVersion);
    }

    [Fact]
    public void A_container_that_changed_nothing_adds_an_empty_layer_entry_and_no_layer()
    {
        var config = Write(diffId: null, author: "", comment: "");

        Assert.Equal([Parent], config.DiffIds);
        Assert.Equal(new HistoryEntry(Now, "sh -c echo hi", "", "", EmptyLayer: true), config.History[1]);
        Assert.Equal(("", ""), (config.Author, config.Comment));
    }
}
