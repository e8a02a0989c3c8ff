using JasperFx.Events;
using Platform.Images.Images;
using Platform.Images.Images.Publishing;
using Published = Platform.Contracts.Images;

namespace Platform.Images.Api.Tests.Unit.Images;

/// <summary>Every image event leaves the service as its contract, references in full and familiar form.</summary>
public sealed class IntegrationEventsTests
{
    static object? Map(object data) => new ImagesIntegrationEvents().Map(new Event<object>(data));

    [Fact]
    public void Tags_carry_the_full_and_the_familiar_reference() =>
        Assert.Equal(new Published.ImageTagged(Given.Id('a'), Given.Host, "localhost:5000/app:1", "localhost:5000/app:1", Given.Now),
            Map(new ImageTagged(Given.Id('a'), Given.Host, "localhost:5000/app:1", Given.Now)));

    [Fact]
    public void A_pull_names_the_repository_as_Docker_logs_it()
    {
        var pulled = Assert.IsType<Published.ImagePulled>(Map(new ImagePulled(Given.Id('a'), Given.Host, Given.Content('a'), "docker.io/library/busybox:latest", Given.Now)));

        Assert.Equal(("docker.io/library/busybox:latest", "busybox", 100L), (pulled.Reference, pulled.FamiliarName, pulled.Size));
    }

    [Fact]
    public void Imports_loads_untags_and_deletes_are_published()
    {
        Assert.IsType<Published.ImageImported>(Map(Given.Imported('a')));
        Assert.IsType<Published.ImageLoaded>(Map(new ImageLoaded(Given.Id('a'), Given.Host, Given.Content('a'), Given.Now)));
        Assert.Equal("busybox:latest", Assert.IsType<Published.ImageUntagged>(Map(new ImageUntagged(Given.Id('a'), Given.Host, "docker.io/library/busybox:latest", Given.Now))).FamiliarReference);
        Assert.IsType<Published.ImageDeleted>(Map(new ImageDeleted(Given.Id('a'), Given.Host, Given.Now)));
    }
}
