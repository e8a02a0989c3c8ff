using System.Security.Cryptography;
using System.Text;
using Platform.Images.Content;
using Platform.Images.Snapshots.Store;

namespace Platform.Images.Tests.Unit.Snapshots;

public class ChainIdTests
{
    static readonly Digest L0 = Digest.Of("layer zero"u8);
    static readonly Digest L1 = Digest.Of("layer one"u8);
    static readonly Digest L2 = Digest.Of("layer two"u8);

    static string Sha256Text(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void The_bottom_layer_chain_id_is_its_diff_id()
    {
        Assert.Equal(L0, ChainIds.Of([L0])[0]);
    }

    [Fact]
    public void Each_chain_id_hashes_the_parent_chain_id_a_space_and_the_diff_id()
    {
        // By hand, as the OCI image spec (config.md, "Layer ChainID") writes it.
        var c1 = Sha256Text($"sha256:{L0.Hex} sha256:{L1.Hex}");
        var c2 = Sha256Text($"{c1} sha256:{L2.Hex}");

        var chain = ChainIds.Of([L0, L1, L2]);

        Assert.Equal([L0.ToString(), c1, c2], chain.Select(c => c.ToString()));
    }

    [Fact]
    public void Order_matters()
    {
        Assert.NotEqual(ChainIds.Of([L0, L1])[1], ChainIds.Of([L1, L0])[1]);
    }

    [Fact]
    public void Link_names_are_26_base32_characters_and_distinct_per_chain()
    {
        var chain = ChainIds.Of([L0, L1, L2]);
        var names = chain.Select(SnapshotStore.LinkName).ToList();

        Assert.All(names, name => Assert.Matches("^[A-Z2-7]{26}$", name));
        Assert.Equal(3, names.Distinct().Count());
        Assert.Equal(names[0], SnapshotStore.LinkName(L0));
    }
}
