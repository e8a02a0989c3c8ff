using Platform.Images.Images;
using Platform.Images.Images.Tagging;
using Platform.Images.References;

namespace Platform.Images.Api.Tests.Unit.Images;

public sealed class TagImageTests
{
    static TagImage Tag(string reference) => new(ImageReferences.ParseNormalized(reference));

    [Fact]
    public void A_new_tag_points_at_the_image_in_full_form()
    {
        var events = TagImage.Decide(Given.Image(Given.Imported('a')), null, Tag("app"), Given.Now);

        Assert.Equal(new ImageTagged(Given.Id('a'), Given.Host, "docker.io/library/app:latest", Given.Now), Assert.Single(events));
    }

    [Fact]
    public void A_tag_moved_from_another_image_untags_that_image_first()
    {
        var old = Given.Image(Given.Imported('b'), Given.Tagged('b', "localhost:5000/app:1"));

        var events = TagImage.Decide(Given.Image(Given.Imported('a')), old, Tag("localhost:5000/app:1"), Given.Now);

        Assert.Equal<object>(
        [
            new ImageUntagged(Given.Id('b'), Given.Host, "localhost:5000/app:1", Given.Now),
            new ImageTagged(Given.Id('a'), Given.Host, "localhost:5000/app:1", Given.Now),
        ], events);
    }

    [Fact]
    public void Tagging_again_with_the_same_tag_is_a_tag_only()
    {
        var image = Given.Image(Given.Imported('a'), Given.Tagged('a', "docker.io/library/app:1"));

        var events = TagImage.Decide(image, image, Tag("app:1"), Given.Now);

        Assert.IsType<ImageTagged>(Assert.Single(events));
    }

    [Fact]
    public void A_deleted_image_cannot_be_tagged()
    {
        var deleted = Given.Image(Given.Imported('a'), new ImageDeleted(Given.Id('a'), Given.Host, Given.Now));

        Assert.Equal(404, Assert.Throws<ImageError>(() => TagImage.Decide(deleted, null, Tag("app"), Given.Now)).Status);
    }

    [Fact]
    public void A_repository_named_like_the_digest_algorithm_is_refused()
    {
        var error = Assert.Throws<ImageError>(() => TagImage.Decide(Given.Image(Given.Imported('a')), null, Tag("sha256:abc"), Given.Now));

        Assert.Equal((400, "refusing to create an ambiguous tag using digest algorithm as name"), (error.Status, error.Message));
    }
}
