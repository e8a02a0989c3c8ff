using System.Text;
using Platform.Images.Content;

namespace Platform.Images.Snapshots.Store;

/// <summary>
/// ChainIDs name an applied stack of layers (OCI image spec, config.md): <c>ChainID(L0) = DiffID(L0)</c> and
/// <c>ChainID(L0..Ln) = sha256(ChainID(L0..Ln-1) + " " + DiffID(Ln))</c> over the ASCII text of both digests.
/// </summary>
public static class ChainIds
{
    public static Digest Child(Digest? parent, Digest diffId) =>
        parent is { } p ? Digest.Of(Encoding.ASCII.GetBytes($"{p} {diffId}")) : diffId;

    /// <summary>The chain id of every prefix of <paramref name="diffIds"/>, bottom layer first.</summary>
    public static IReadOnlyList<Digest> Of(IReadOnlyList<Digest> diffIds)
    {
        var chain = new Digest[diffIds.Count];
        Digest? parent = null;
        for (var i = 0; i < diffIds.Count; i++) parent = chain[i] = Child(parent, diffIds[i]);
        return chain;
    }
}
