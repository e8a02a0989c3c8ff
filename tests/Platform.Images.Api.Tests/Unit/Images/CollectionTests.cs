using Platform.Images.Images;
using Platform.Images.Images.Collecting;
using Platform.Images.Images.Format;

namespace Platform.Images.Api.Tests.Unit.Images;

/// <summary>What garbage collection frees after images are deleted: nothing a live image uses, children first.</summary>
public sealed class CollectionTests
{
    static string D(char c) => "sha256:" + new string(c, 64);

    /// <summary>An image with config <paramref name="id"/>, manifest <paramref name="manifest"/>, layers as blobs equal to their DiffIDs.</summary>
    static Image ImageOf(char id, char manifest, params char[] layers)
    {
        var content = new ImageContent(D(id), MediaTypes.DockerConfig, D(manifest), MediaTypes.DockerManifest, 300,
            layers.Select(l => new ImageLayer(D(l), D(l), MediaTypes.DockerLayer, 10, 10)).ToList(), "amd64", "linux", null, Given.Now, null);
        return Given.Image(new ImageImported(D(id), Given.Host, content, "-", Given.Now));
    }

    static Image Deleted(Image image) => image.Apply(new ImageDeleted(image.ImageId, image.HostId, Given.Now));

    static string Chain(params char[] layers) =>
        Platform.Images.Snapshots.Store.ChainIds.Of(layers.Select(l => Platform.Images.Content.Digest.Parse(D(l))).ToList())[^1].ToString();

    [Fact]
    public void A_deleted_image_frees_its_config_manifest_and_layers_and_its_chain_top_most_first()
    {
        var collection = Collection.Decide([], [Deleted(ImageOf('a', 'b', '1', '2', '3'))], []);

        Assert.Equal([D('a'), D('b'), D('1'), D('2'), D('3')], collection.Blobs.Select(d => d.ToString()));
        Assert.Equal([Chain('1', '2', '3'), Chain('1', '2'), Chain('1')], collection.Snapshots.Select(d => d.ToString()));
    }

    [Fact]
    public void Layers_and_chains_a_live_image_shares_are_kept()
    {
        var live = ImageOf('c', 'd', '1', '2');
        var collection = Collection.Decide([live], [Deleted(ImageOf('a', 'b', '1', '2', '3'))], []);

        Assert.Equal([D('a'), D('b'), D('3')], collection.Blobs.Select(d => d.ToString()));
        Assert.Equal([Chain('1', '2', '3')], collection.Snapshots.Select(d => d.ToString()));
    }

    [Fact]
    public void The_same_layer_at_another_depth_is_another_chain()
    {
        var live = ImageOf('c', 'd', '2');
        var collection = Collection.Decide([live], [Deleted(ImageOf('a', 'b', '1', '2'))], []);

        Assert.DoesNotContain(D('2'), collection.Blobs.Select(d => d.ToString()));
        Assert.Equal([Chain('1', '2'), Chain('1')], collection.Snapshots.Select(d => d.ToString()));
    }

    [Fact]
    public void Across_deleted_images_deeper_chains_go_first()
    {
        var collection = Collection.Decide([], [Deleted(ImageOf('a', 'b', '1')), Deleted(ImageOf('c', 'd', '1', '2'))], []);

        Assert.Equal([Chain('1', '2'), Chain('1')], collection.Snapshots.Select(d => d.ToString()));
    }

    [Fact]
    public void An_image_that_is_not_deleted_frees_nothing()
    {
        var collection = Collection.Decide([], [ImageOf('a', 'b', '1')], [D('e')]);

        Assert.Empty(collection.Snapshots);
        Assert.Equal([D('e')], collection.Blobs.Select(d => d.ToString()));
    }

    [Fact]
    public void A_repository_digest_a_live_image_still_has_is_kept()
    {
        var live = ImageOf('c', 'd', '9').Apply(new ImageTagged(D('c'), Given.Host, "docker.io/library/app@" + D('e'), Given.Now));
        var collection = Collection.Decide([live], [Deleted(ImageOf('a', 'b', '1'))], [D('e'), D('f')]);

        Assert.Equal([D('a'), D('b'), D('1'), D('f')], collection.Blobs.Select(d => d.ToString()));
    }
}
