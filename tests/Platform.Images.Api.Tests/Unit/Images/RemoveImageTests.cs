using Platform.Images.Images;
using Platform.Images.Images.Removing;

namespace Platform.Images.Api.Tests.Unit.Images;

/// <summary>docker rmi, as moby's ImageDelete decides it.</summary>
public sealed class RemoveImageTests
{
    static readonly IReadOnlyList<ContainerUse> NoContainers = [];
    static readonly string Short = new('a', 12);

    static Image TaggedImage(params string[] references) =>
        Given.Image([Given.Imported('a'), .. references.Select(r => (object)Given.Tagged('a', r))]);

    static Removal Remove(Image image, string name, bool force = false, IReadOnlyList<ContainerUse>? containers = null) =>
        RemoveImage.Decide(image, new RemoveImage(name, force), containers ?? NoContainers, Given.Now);

    [Fact]
    public void Removing_one_of_several_tags_only_untags_it()
    {
        var removal = Remove(TaggedImage("docker.io/library/busybox:latest", "docker.io/library/busybox:1"), "busybox");

        Assert.Equal([RemovalRecord.UntaggedAs("busybox:latest")], removal.Records);
        Assert.Equal(new ImageUntagged(Given.Id('a'), Given.Host, "docker.io/library/busybox:latest", Given.Now), Assert.Single(removal.Events));
    }

    [Fact]
    public void Removing_the_last_tag_deletes_the_image()
    {
        var removal = Remove(TaggedImage("localhost:5000/app:1"), "localhost:5000/app:1");

        Assert.Equal([RemovalRecord.UntaggedAs("localhost:5000/app:1"), RemovalRecord.DeletedAs(Given.Id('a'))], removal.Records);
        Assert.Equal([typeof(ImageUntagged), typeof(ImageDeleted)], removal.Events.Select(e => e.GetType()));
    }

    [Fact]
    public void The_last_tag_of_a_repository_takes_its_digests_with_it()
    {
        var digest = "docker.io/library/busybox@sha256:" + new string('d', 64);
        var removal = Remove(TaggedImage("docker.io/library/busybox:latest", digest, "docker.io/library/other:1"), "busybox:latest");

        Assert.Equal([RemovalRecord.UntaggedAs("busybox:latest"), RemovalRecord.UntaggedAs("busybox@sha256:" + new string('d', 64))], removal.Records);
    }

    [Fact]
    public void By_id_with_references_in_several_repositories_needs_force()
    {
        var error = Assert.Throws<ImageError>(() => Remove(TaggedImage("docker.io/library/a:1", "docker.io/library/b:1"), "aaaa"));

        Assert.Equal((409, $"conflict: unable to delete {Short} (must be forced) - image is referenced in multiple repositories"), (error.Status, error.Message));
    }

    [Fact]
    public void By_id_with_force_every_reference_goes_then_the_image()
    {
        var removal = Remove(TaggedImage("docker.io/library/b:1", "docker.io/library/a:1"), "sha256:aaaa", force: true);

        Assert.Equal([RemovalRecord.UntaggedAs("a:1"), RemovalRecord.UntaggedAs("b:1"), RemovalRecord.DeletedAs(Given.Id('a'))], removal.Records);
    }

    [Fact]
    public void By_id_a_single_repository_is_untagged_without_force()
    {
        var removal = Remove(TaggedImage("docker.io/library/a:1"), Given.Id('a'));

        Assert.Equal([RemovalRecord.UntaggedAs("a:1"), RemovalRecord.DeletedAs(Given.Id('a'))], removal.Records);
    }

    [Fact]
    public void A_dangling_image_is_just_deleted()
    {
        var removal = Remove(Given.Image(Given.Imported('a')), "aaaaaaaaaaaa");

        Assert.Equal([RemovalRecord.DeletedAs(Given.Id('a'))], removal.Records);
    }

    [Fact]
    public void A_container_using_the_only_reference_makes_untagging_a_conflict()
    {
        var error = Assert.Throws<ImageError>(() => Remove(TaggedImage("docker.io/library/app:latest"), "app",
            containers: [new ContainerUse("123456789abcdef0", Running: false)]));

        Assert.Equal((409, $"conflict: unable to remove repository reference \"app\" (must force) - container 123456789abc is using its referenced image {Short}"),
            (error.Status, error.Message));
    }

    [Fact]
    public void Forcing_the_last_tag_past_a_stopped_container_untags_but_keeps_the_image()
    {
        var removal = Remove(TaggedImage("docker.io/library/app:latest"), "app", force: true, containers: [new ContainerUse("c1", Running: false)]);

        Assert.Equal([RemovalRecord.UntaggedAs("app:latest")], removal.Records);
        Assert.DoesNotContain(removal.Events, e => e is ImageDeleted);
    }

    [Fact]
    public void Forcing_by_id_past_a_stopped_container_deletes_the_image()
    {
        var removal = Remove(TaggedImage("docker.io/library/app:latest"), "aaaa", force: true, containers: [new ContainerUse("c1", Running: false)]);

        Assert.Equal([RemovalRecord.UntaggedAs("app:latest"), RemovalRecord.DeletedAs(Given.Id('a'))], removal.Records);
    }

    [Fact]
    public void By_id_a_stopped_container_must_be_forced()
    {
        var error = Assert.Throws<ImageError>(() => Remove(Given.Image(Given.Imported('a')), "aaaa", containers: [new ContainerUse("0123456789abcdef", Running: false)]));

        Assert.Equal((409, $"conflict: unable to delete {Short} (must be forced) - image is being used by stopped container 0123456789ab"), (error.Status, error.Message));
    }

    [Fact]
    public void A_running_container_cannot_be_forced_past()
    {
        var error = Assert.Throws<ImageError>(() => Remove(Given.Image(Given.Imported('a')), "aaaa", force: true,
            containers: [new ContainerUse("fedcba9876543210", Running: true)]));

        Assert.Equal((409, $"conflict: unable to delete {Short} (cannot be forced) - image is being used by running container fedcba987654"), (error.Status, error.Message));
    }

    [Fact]
    public void Untagging_one_of_several_references_is_fine_while_a_container_runs() =>
        Assert.Equal([RemovalRecord.UntaggedAs("app:1")],
            Remove(TaggedImage("docker.io/library/app:1", "docker.io/library/app:2"), "app:1", containers: [new ContainerUse("c1", true)]).Records);

    [Fact]
    public void Removing_a_deleted_image_is_not_found() =>
        Assert.Equal(404, Assert.Throws<ImageError>(() =>
            Remove(Given.Image(Given.Imported('a'), new ImageDeleted(Given.Id('a'), Given.Host, Given.Now)), "aaaa")).Status);
}
