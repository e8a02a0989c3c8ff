using Platform.Testing;
using System.Net;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>docker push and docker pull against Debian's docker-registry on loopback, through the gateway and directly.</summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class PushPullTests(ImagesPlatformFixture platform, RegistryServer registry) : IClassFixture<RegistryServer>
{
    string Host => platform.DockerHost;
    string Repository => $"localhost:{registry.Port}";

    [Fact]
    public async Task Push_rmi_pull_with_Dockers_output()
    {
        var name = $"{Repository}/bb{Guid.NewGuid():N}"[..(Repository.Length + 11)];
        var tarFile = Path.Combine(platform.TempDirectory("platform-images-push-"), "rootfs.tar");
        await File.WriteAllBytesAsync(tarFile, platform.Busybox);
        var id = (await DockerCli.SucceedAsync(Host, "import", "--change", "CMD [\"sh\"]", tarFile, name + ":1")).Stdout.Trim();

        var push = await DockerCli.SucceedAsync(Host, "push", name + ":1");
        Assert.Contains($"The push refers to repository [{name}]", push.Stdout);
        var digestLine = push.Stdout.Split('\n').Single(line => line.StartsWith("1: digest: sha256:", StringComparison.Ordinal));
        Assert.Matches("^1: digest: sha256:[0-9a-f]{64} size: [0-9]+$", digestLine.Trim());
        var digest = digestLine.Split(' ')[2];

        await DockerCli.SucceedAsync(Host, "rmi", name + ":1");
        Assert.Equal(1, (await DockerCli.RunAsync(Host, "image", "inspect", name + ":1")).ExitCode);

        var pull = await DockerCli.SucceedAsync(Host, "pull", name + ":1");
        Assert.Contains($"1: Pulling from {name[(Repository.Length + 1)..]}", pull.Stdout);
        Assert.Contains($"Digest: {digest}", pull.Stdout);
        Assert.Contains($"Status: Downloaded newer image for {name}:1", pull.Stdout);
        Assert.Equal($"{name}:1", pull.Stdout.Trim().Split('\n')[^1]);

        var images = await DockerCli.SucceedAsync(Host, "images", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}} {{.ID}}", name);
        Assert.Equal($"{name} 1 {digest} {id[7..19]}", images.Stdout.Trim());
        var inspect = JsonDocument.Parse((await DockerCli.SucceedAsync(Host, "image", "inspect", name + ":1")).Stdout).RootElement[0];
        Assert.Equal(id, inspect.GetProperty("Id").GetString());
        Assert.Equal([$"{name}@{digest}"], inspect.GetProperty("RepoDigests").Strings());
        Assert.Equal([name + ":1"], inspect.GetProperty("RepoTags").Strings());
        // The layer was unpacked while pulling: its snapshot (chain id = DiffID of the only layer) is in place.
        var diffId = inspect.GetProperty("RootFS").GetProperty("Layers")[0].GetString()!;
        Assert.Contains("Pull complete", pull.Stdout);
        Assert.True(File.Exists(Path.Combine(platform.RootA, "images", "snapshots", diffId[7..], "fs", "bin", "busybox")), pull.Stdout);

        var again = await DockerCli.SucceedAsync(Host, "pull", name + ":1");
        Assert.Contains($"Status: Image is up to date for {name}:1", again.Stdout);

        await DockerCli.SucceedAsync(Host, "rmi", name + ":1");
    }

    [Fact]
    public async Task Unknown_tag_and_unknown_local_image_are_Dockers_errors()
    {
        var name = $"{Repository}/none{Guid.NewGuid():N}"[..(Repository.Length + 13)];

        var pull = await DockerCli.RunAsync(Host, "pull", name + ":nope");
        Assert.NotEqual(0, pull.ExitCode);
        Assert.Contains($"Error response from daemon: manifest for {name}:nope not found: manifest unknown", pull.Stderr);

        var push = await DockerCli.RunAsync(Host, "push", name + ":nope");
        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains($"An image does not exist locally with the tag: {name}", push.Stderr);

        var raw = await platform.ImagesA.Http.SendAsync(HttpMethod.Post, $"/v1.51/images/create?fromImage={name}:nope");
        Assert.Equal(HttpStatusCode.NotFound, raw.Status);
        Assert.Contains("manifest unknown", raw.Message);
    }

    [Fact]
    public async Task Client_library_style_fromImage_with_tag_and_by_digest()
    {
        var name = $"{Repository}/dn{Guid.NewGuid():N}"[..(Repository.Length + 11)];
        var id = await platform.ImagesA.Http.ImportAsync(RootFilesystems.Tiny(name), name + ":2");
        var push = await platform.ImagesA.Http.SendAsync(HttpMethod.Post, $"/v1.51/images/{name}/push?tag=2");
        Assert.Equal(HttpStatusCode.OK, push.Status);
        Assert.Equal("application/json", push.ContentType);
        var aux = push.Messages.Single(m => m.TryGetProperty("aux", out _)).GetProperty("aux");
        var digest = aux.GetProperty("Digest").GetString()!;
        Assert.Equal("2", aux.GetProperty("Tag").GetString());
        Assert.Equal(HttpStatusCode.OK, (await platform.ImagesA.Http.RemoveAsync(name + ":2", force: true)).Status);

        // Testcontainers / Docker.DotNet: name:tag in fromImage, no tag parameter (a trailing ':' is trimmed).
        var pull = await platform.ImagesA.Http.SendAsync(HttpMethod.Post, $"/v1.51/images/create?fromImage={name}:2");
        Assert.Equal(HttpStatusCode.OK, pull.Status);
        Assert.DoesNotContain(pull.Messages, m => m.TryGetProperty("errorDetail", out _));
        Assert.Equal($"Status: Downloaded newer image for {name}:2", pull.Messages[^1].GetProperty("status").GetString());
        Assert.Equal(id, (await platform.ImagesA.Http.InspectAsync(name + ":2")).GetProperty("Id").GetString());

        // A digest in the tag parameter pulls by digest; the image is already here, so it is up to date.
        var byDigest = await platform.ImagesA.Http.SendAsync(HttpMethod.Post, $"/v1.51/images/create?fromImage={name}&tag={digest}");
        Assert.Equal(HttpStatusCode.OK, byDigest.Status);
        Assert.Equal($"Status: Image is up to date for {name}@{digest}", byDigest.Messages[^1].GetProperty("status").GetString());
        var inspect = await platform.ImagesA.Http.InspectAsync($"{name}@{digest}");
        Assert.Equal(id, inspect.GetProperty("Id").GetString());
        Assert.Equal([$"{name}@{digest}"], inspect.GetProperty("RepoDigests").Strings());
    }
}
