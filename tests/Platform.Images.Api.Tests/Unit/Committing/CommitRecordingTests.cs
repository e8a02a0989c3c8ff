using JasperFx.Events;
using Platform.Images.Api.Tests.Unit.Images;
using Platform.Images.Images;
using Platform.Images.Images.Publishing;
using Platform.Images.Images.Recording;
using Published = Platform.Contracts.Images;

namespace Platform.Images.Api.Tests.Unit.Committing;

/// <summary>A committed image is recorded as such and leaves the service saying which container it came from.</summary>
public sealed class CommitRecordingTests
{
    static readonly CommitOrigin Origin = new("c0ffee", "c", "busybox", "mine:1", "msg");

    [Fact]
    public void A_commit_is_recorded_with_its_container()
    {
        var content = Given.Content('a');
        var events = RecordImage.Decide(Given.NoHistory, new RecordImage(Given.Host, content, ImageArrival.Committed, "c0ffee", Origin), Given.Now);

        var committed = Assert.IsType<ImageCommitted>(Assert.Single(events));
        Assert.Equal(new ImageCommitted(Given.Id('a'), Given.Host, content, "c0ffee", "c", "busybox", "mine:1", "msg", Given.Now), committed);
        Assert.Equal(Given.Id('a'), Given.Image(committed).ImageId);
    }

    [Fact]
    public void A_commit_is_published_for_the_state_log()
    {
        var committed = new ImageCommitted(Given.Id('a'), Given.Host, Given.Content('a'), "c0ffee", "c", "busybox", "mine:1", "msg", Given.Now);

        var published = new ImagesIntegrationEvents().Map(new Event<object>(committed));

        Assert.Equal(new Published.ImageCommitted(Given.Id('a'), Given.Host, "sha256:" + new string('f', 64), 100, "c0ffee", "c", "busybox",
            "mine:1", "msg", Given.Now), published);
    }
}
