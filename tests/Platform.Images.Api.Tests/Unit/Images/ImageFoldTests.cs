using Platform.Images.Images;

namespace Platform.Images.Api.Tests.Unit.Images;

public sealed class ImageFoldTests
{
    [Fact]
    public void An_imported_image_has_its_content_and_no_references()
    {
        var image = Given.Image(Given.Imported('a'));

        Assert.Equal(("host-1/" + Given.Id('a'), Given.Id('a'), false), (image.Id, image.ImageId, image.Deleted));
        Assert.Empty(image.References);
        Assert.Equal(100, image.Content.Size);
    }

    [Fact]
    public void Tags_accumulate_once_and_set_the_last_tag_time_digests_do_not()
    {
        var digest = "docker.io/library/busybox@sha256:" + new string('d', 64);
        var image = Given.Image(Given.Imported('a'), Given.Tagged('a', "docker.io/library/busybox:latest"),
            Given.Tagged('a', "docker.io/library/busybox:latest"), new ImageTagged(Given.Id('a'), Given.Host, digest, Given.Now));

        Assert.Equal(["docker.io/library/busybox:latest", digest], image.References);
        Assert.Equal(Given.Now.AddHours(-1), image.LastTagTime);
    }

    [Fact]
    public void A_deleted_image_comes_back_bare_when_it_arrives_again()
    {
        var image = Given.Image(Given.Imported('a'), Given.Tagged('a', "docker.io/library/a:1"),
            new ImageDeleted(Given.Id('a'), Given.Host, Given.Now.AddMinutes(-30)),
            new ImageLoaded(Given.Id('a'), Given.Host, Given.Content('a'), Given.Now));

        Assert.False(image.Deleted);
        Assert.Empty(image.References);
        Assert.Equal(Given.Now, image.RecordedAt);
    }

    [Fact]
    public void Only_an_arrival_can_start_a_stream() =>
        Assert.Throws<InvalidOperationException>(() => Given.Image(Given.Tagged('a', "docker.io/library/a:1")));
}
