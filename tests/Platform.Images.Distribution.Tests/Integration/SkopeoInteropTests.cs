using System.Text.Json;
using Platform.Images.Content;
using Platform.Images.Distribution.Manifests;
using Platform.Images.Distribution.Tests.Support;

namespace Platform.Images.Distribution.Tests.Integration;

/// <summary>Interoperability with another client: skopeo reads what we push, we pull what skopeo pushes.</summary>
public sealed class SkopeoInteropTests(PlainRegistry registry) : IClassFixture<PlainRegistry>, IDisposable
{
    const string Skopeo = "skopeo";
    readonly Harness _harness = new();

    [Fact]
    public async Task Skopeo_inspects_an_image_we_pushed()
    {
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, MediaTypes.DockerManifest);
        var target = new RemoteReference(registry.Server.Host, Harness.Repo("toskopeo"), "1.0");
        await _harness.PushAsync(store, target, image.Manifest);
        var url = $"docker://{target.Name}:1.0";

        var inspected = JsonDocument.Parse(await Tools.RunAsync(Skopeo, ["inspect", "--tls-verify=false", url])).RootElement;
        var raw = await Tools.RunAsync(Skopeo, ["inspect", "--raw", "--tls-verify=false", url]);

        Assert.Equal(image.Manifest.ToString(), inspected.GetProperty("Digest").GetString());
        Assert.Equal(("amd64", "linux"), (inspected.GetProperty("Architecture").GetString(), inspected.GetProperty("Os").GetString()));
        Assert.Equal(image.Layers.Select(l => l.Digest.ToString()), inspected.GetProperty("Layers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(TestImages.Text(image.ManifestBytes), raw);
    }

    [Fact]
    public async Task We_pull_an_image_skopeo_copied_from_an_oci_layout()
    {
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, MediaTypes.OciManifest);
        using var layout = new TempDir("oci-layout");
        await WriteLayoutAsync(layout, store, image, "v1");
        var target = new RemoteReference(registry.Server.Host, Harness.Repo("fromskopeo"), "v1");

        await Tools.RunAsync(Skopeo, ["copy", "--insecure-policy", "--dest-tls-verify=false", $"oci:{layout.Path}:v1", $"docker://{target.Name}:v1"],
            TimeSpan.FromSeconds(60));
        var pulled = await _harness.PullAsync(_harness.NewStore(), target);

        Assert.Equal((image.Manifest, MediaTypes.OciManifest, image.Config), (pulled.Digest, pulled.Manifest.MediaType, pulled.ConfigDigest));
        Assert.Equal(image.Layers.Select(l => l.Digest.ToString()), pulled.Layers.Select(l => l.Digest));
    }

    static async Task WriteLayoutAsync(TempDir layout, ContentStore store, TestImage image, string tag)
    {
        Directory.CreateDirectory(layout.Combine("blobs", "sha256"));
        await File.WriteAllTextAsync(layout.Combine("oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        foreach (var digest in image.Layers.Select(l => l.Digest).Append(image.Config).Append(image.Manifest))
            File.Copy(store.PathOf(digest), layout.Combine("blobs", "sha256", digest.Hex));
        var index = $$$"""
            {"schemaVersion":2,"mediaType":"{{{MediaTypes.OciIndex}}}","manifests":[{"mediaType":"{{{MediaTypes.OciManifest}}}",
            "digest":"{{{image.Manifest}}}","size":{{{image.ManifestBytes.Length}}},"annotations":{"org.opencontainers.image.ref.name":"{{{tag}}}"}}]}
            """;
        await File.WriteAllTextAsync(layout.Combine("index.json"), index);
    }

    public void Dispose() => _harness.Dispose();
}
