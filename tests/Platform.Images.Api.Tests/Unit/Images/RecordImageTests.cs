using Platform.Images.Images;
using Platform.Images.Images.Recording;

namespace Platform.Images.Api.Tests.Unit.Images;

public sealed class RecordImageTests
{
    [Theory]
    [InlineData(ImageArrival.Imported, typeof(ImageImported))]
    [InlineData(ImageArrival.Loaded, typeof(ImageLoaded))]
    [InlineData(ImageArrival.Pulled, typeof(ImagePulled))]
    public void Every_arrival_is_recorded_as_what_it_was(ImageArrival arrival, Type expected)
    {
        var events = RecordImage.Decide(Given.NoHistory, new RecordImage(Given.Host, Given.Content('a'), arrival, "-"), Given.Now);

        var recorded = Assert.Single(events);
        Assert.IsType(expected, recorded);
        Assert.Equal((Given.Id('a'), Given.Host), (((IImageEvent)recorded).ImageId, ((IImageEvent)recorded).HostId));
    }

    [Fact]
    public void Loading_an_image_that_is_there_is_still_a_load_as_Docker_logs_it()
    {
        var events = RecordImage.Decide(Given.Image(Given.Imported('a')), new RecordImage(Given.Host, Given.Content('a'), ImageArrival.Loaded, "-"), Given.Now);

        var loaded = Assert.IsType<ImageLoaded>(Assert.Single(events));
        Assert.Equal((Given.Id('a'), Given.Host, Given.Id('a'), Given.Now), (loaded.ImageId, loaded.HostId, loaded.Content.ConfigDigest, loaded.LoadedAt));
    }

    [Fact]
    public void The_pulled_reference_is_carried()
    {
        var pulled = Assert.IsType<ImagePulled>(Assert.Single(RecordImage.Decide(Given.NoHistory,
            new RecordImage(Given.Host, Given.Content('a'), ImageArrival.Pulled, "docker.io/library/busybox:latest"), Given.Now)));

        Assert.Equal("docker.io/library/busybox:latest", pulled.Reference);
    }
}
