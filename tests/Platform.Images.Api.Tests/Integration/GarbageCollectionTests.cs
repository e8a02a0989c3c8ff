using System.Diagnostics;
using System.Net;
using Platform.Testing;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// What deleting images frees on disk: blobs and snapshots no remaining image uses, shared layers kept, and a delete
/// a crash cut short finished at the next start. Counts are of the service's own root (tests here run one at a time).
/// </summary>
[Collection(ContainersCollection.Name)]
public sealed class GarbageCollectionTests(ContainersFixture platform)
{
    HttpClient Images => platform.Http;
    static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    [Fact]
    public async Task Deleting_images_frees_what_no_other_image_uses_top_most_snapshot_first()
    {
        platform.Runtime.Set();
        var run = Unique("");
        byte[] shared = Layered.Layer("base", run), ownA = Layered.Layer("a", run), ownB = Layered.Layer("b", run);
        var (a, b) = (Unique("gca"), Unique("gcb"));
        await LoadAsync(Layered.Archive(a + ":1", run, shared, ownA));
        await LoadAsync(Layered.Archive(b + ":1", run, shared, ownB));
        var idA = (await Images.PrepareAsync(a + ":1")).GetProperty("id").GetString()!;
        await Images.PrepareAsync(b + ":1");
        var (chainA, chainB) = (Layered.ChainIds(shared, ownA), Layered.ChainIds(shared, ownB));
        var blobs = Layered.BlobCount(platform.Root);

        var removedA = await Images.RemoveAsync(a + ":1");
        var afterA = Layered.BlobCount(platform.Root);
        var removedB = await Images.RemoveAsync(b + ":1");

        Assert.Equal(HttpStatusCode.OK, removedA.Status);
        Assert.Equal(blobs - 3, afterA); // A's config, manifest and own layer; the shared layer stays for B
        Assert.False(File.Exists(Layered.BlobPath(platform.Root, idA)));
        Assert.False(File.Exists(Layered.BlobPath(platform.Root, Archives.Sha256(ownA))));
        Assert.Equal(HttpStatusCode.OK, removedB.Status);
        Assert.Equal(blobs - 3 - 4, Layered.BlobCount(platform.Root)); // B's config, manifest, own layer, and now the shared one
        Assert.All(chainA.Concat(chainB), hex => Assert.False(Directory.Exists(Layered.SnapshotPath(platform.Root, hex)), hex));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(platform.Root, "images", "snapshots", ".tmp")));
    }

    [Fact]
    public async Task The_shared_base_snapshot_outlives_the_deleted_image_on_top_of_it()
    {
        platform.Runtime.Set();
        var run = Unique("");
        byte[] shared = Layered.Layer("base", run), own = Layered.Layer("own", run);
        var (top, bottom) = (Unique("top"), Unique("bottom"));
        await LoadAsync(Layered.Archive(bottom + ":1", run, shared));
        await LoadAsync(Layered.Archive(top + ":1", run, shared, own));
        await Images.PrepareAsync(top + ":1");
        var chain = Layered.ChainIds(shared, own);

        await Images.RemoveAsync(top + ":1");

        Assert.True(Directory.Exists(Layered.SnapshotPath(platform.Root, chain[0])), "the base is the kept image's whole chain");
        Assert.False(Directory.Exists(Layered.SnapshotPath(platform.Root, chain[1])));
        Assert.True(File.Exists(Layered.BlobPath(platform.Root, Archives.Sha256(shared))));
        Assert.True(File.Exists(Path.Combine((await Images.PrepareAsync(bottom + ":1")).GetProperty("plan") is var plan &&
            plan.GetProperty("driver").GetString() == "overlay" ? plan.GetProperty("lowerDirs")[0].GetString()! : plan.GetProperty("vfsDir").GetString()!, "base")));
    }

    [Fact]
    public async Task Prune_frees_blobs_and_snapshots_too()
    {
        platform.Runtime.Set();
        var run = Unique("");
        var layer = RootFilesystems.Tiny("prune" + run);
        var id = await Images.ImportAsync(layer, null, $"LABEL gc={run}");
        await Images.PrepareAsync(id);
        var blobs = Layered.BlobCount(platform.Root);

        var pruned = await Images.SendAsync(HttpMethod.Post, "/v1.51/images/prune?filters=" + Uri.EscapeDataString(ImagesApi.Filters(("label", $"gc={run}"))));

        Assert.Equal(HttpStatusCode.OK, pruned.Status);
        Assert.Equal(blobs - 3, Layered.BlobCount(platform.Root));
        Assert.False(Directory.Exists(Layered.SnapshotPath(platform.Root, Archives.Sha256(layer)[7..])));
    }

    [Fact]
    public async Task A_delete_cut_short_by_a_crash_is_finished_at_the_next_start()
    {
        platform.Runtime.Set();
        var run = Unique("");
        byte[] bottom = Layered.Layer("bottom", run), top = Layered.Layer("top", run);
        var name = Unique("crash");
        await LoadAsync(Layered.Archive(name + ":1", run, bottom, top));
        var id = (await Images.PrepareAsync(name + ":1")).GetProperty("id").GetString()!;
        var chain = Layered.ChainIds(bottom, top);
        var saved = Directory.CreateTempSubdirectory("platform-images-crash-").FullName;
        var images = Path.Combine(platform.Root, "images");
        Copy(images, "blobs", saved);
        Copy(images, "snapshots", saved);
        var blobs = Layered.BlobCount(platform.Root);

        Assert.Equal(HttpStatusCode.OK, (await Images.RemoveAsync(name + ":1")).Status);
        // As if the process had died after committing the deletion, before freeing anything:
        Copy(saved, "blobs", images);
        Copy(saved, "snapshots", images);
        Assert.Equal(blobs, Layered.BlobCount(platform.Root));
        await platform.RestartAsync();

        var swept = await Eventually.PollAsync(() => Task.FromResult(Layered.BlobCount(platform.Root)), count => count == blobs - 4, TimeSpan.FromSeconds(30));
        Assert.Equal(blobs - 4, swept); // config, manifest, both layers
        Assert.All(chain, hex => Assert.False(Directory.Exists(Layered.SnapshotPath(platform.Root, hex)), hex));
        Assert.Equal(HttpStatusCode.NotFound, (await Images.PrepareRawForAsync(id)).Status);
        Directory.Delete(saved, recursive: true);
    }

    async Task LoadAsync(byte[] archive)
    {
        var reply = await Images.LoadAsync(archive);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
    }

    /// <summary>cp -a: owners, modes, xattrs and device nodes of snapshot trees kept.</summary>
    static void Copy(string from, string name, string to)
    {
        using var cp = Process.Start("cp", ["-a", Path.Combine(from, name), to])!;
        cp.WaitForExit();
        Assert.Equal(0, cp.ExitCode);
    }
}
