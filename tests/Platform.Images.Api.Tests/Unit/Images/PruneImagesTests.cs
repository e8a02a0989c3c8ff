using Platform.Images.Images;
using Platform.Images.Images.Pruning;
using Platform.Images.Images.Removing;

namespace Platform.Images.Api.Tests.Unit.Images;

/// <summary>docker image prune [-a] [--filter …], as moby's ImagePrune decides it.</summary>
public sealed class PruneImagesTests
{
    static readonly IReadOnlyDictionary<string, IReadOnlyList<ContainerUse>> NoUsage = new Dictionary<string, IReadOnlyList<ContainerUse>>();

    static PruneImages Command(bool danglingOnly = true, DateTimeOffset? until = null, string[]? labels = null, string[]? notLabels = null) =>
        new(danglingOnly, until, labels ?? [], notLabels ?? []);

    static readonly Image Dangling = Given.Image(Given.Imported('a'));
    static readonly Image Tagged = Given.Image(Given.Imported('c'), Given.Tagged('c', "docker.io/library/keep:1"));

    [Fact]
    public void By_default_only_dangling_images_go()
    {
        var removal = PruneImages.Decide([Dangling, Tagged], Command(), NoUsage, Given.Now);

        Assert.Equal([RemovalRecord.DeletedAs(Given.Id('a'))], removal.Records);
    }

    [Fact]
    public void With_all_tagged_images_are_untagged_and_deleted()
    {
        var removal = PruneImages.Decide([Dangling, Tagged], Command(danglingOnly: false), NoUsage, Given.Now);

        Assert.Equal([RemovalRecord.DeletedAs(Given.Id('a')), RemovalRecord.UntaggedAs("keep:1"), RemovalRecord.DeletedAs(Given.Id('c'))], removal.Records);
        Assert.Equal(2, removal.Events.OfType<ImageDeleted>().Count());
    }

    [Fact]
    public void An_image_a_container_uses_is_skipped_not_an_error()
    {
        var usage = new Dictionary<string, IReadOnlyList<ContainerUse>> { [Given.Id('c')] = [new ContainerUse("c1", Running: false)] };

        var removal = PruneImages.Decide([Dangling, Tagged], Command(danglingOnly: false), usage, Given.Now);

        Assert.Equal([RemovalRecord.DeletedAs(Given.Id('a'))], removal.Records);
    }

    [Fact]
    public void Label_and_until_filters_select_the_candidates()
    {
        var labelled = Given.Image(Given.Imported('e', new Dictionary<string, string> { ["team"] = "x" }, Given.Now.AddDays(-10)));
        var recent = Given.Image(Given.Imported('g', new Dictionary<string, string> { ["team"] = "x" }, Given.Now));

        Assert.Equal([RemovalRecord.DeletedAs(Given.Id('e')), RemovalRecord.DeletedAs(Given.Id('g'))],
            PruneImages.Decide([Dangling, labelled, recent], Command(labels: ["team=x"]), NoUsage, Given.Now).Records);
        Assert.Equal([RemovalRecord.DeletedAs(Given.Id('e'))],
            PruneImages.Decide([Dangling, labelled, recent], Command(labels: ["team"], until: Given.Now.AddDays(-1)), NoUsage, Given.Now).Records);
        Assert.Equal([RemovalRecord.DeletedAs(Given.Id('a'))],
            PruneImages.Decide([Dangling, labelled, recent], Command(notLabels: ["team=x"]), NoUsage, Given.Now).Records);
    }
}
