using Platform.Testing;
using System.Text.Json;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>The real docker CLI 28 through a real gateway (which sends /_ping to the runtime, /images to images A).</summary>
[Collection(ImagesPlatformCollection.Name)]
public sealed class DockerCliTests(ImagesPlatformFixture platform)
{
    string Host => platform.DockerHost;

    [Fact]
    public async Task Import_images_inspect_tag_history_rmi()
    {
        var name = $"cli{Guid.NewGuid():N}"[..13];
        var tarFile = Path.Combine(platform.TempDirectory("platform-images-cli-"), "rootfs.tar");
        await File.WriteAllBytesAsync(tarFile, platform.Busybox);

        var import = await DockerCli.SucceedAsync(Host, "import", "--change", "CMD [\"sh\"]", "-m", "from the cli", tarFile, name + ":1");
        var id = import.Stdout.Trim();
        Assert.Matches("^sha256:[0-9a-f]{64}$", id);

        await DockerCli.SucceedAsync(Host, "tag", name + ":1", $"localhost:5000/{name}:2");
        var images = await DockerCli.SucceedAsync(Host, "images", "--filter", $"reference={name}", "--filter", $"reference=*/{name}", "--format", "{{.Repository}} {{.Tag}} {{.ID}}");
        Assert.Equal([$"{name} 1 {id[7..19]}", $"localhost:5000/{name} 2 {id[7..19]}"], images.Stdout.Trim().Split('\n').Order());
        var table = await DockerCli.SucceedAsync(Host, "images", name);
        Assert.Contains("REPOSITORY", table.Stdout);
        Assert.Contains(id[7..19], table.Stdout);

        var inspect = JsonDocument.Parse((await DockerCli.SucceedAsync(Host, "image", "inspect", name + ":1")).Stdout).RootElement[0];
        Assert.Equal((id, "from the cli"), (inspect.GetProperty("Id").GetString(), inspect.GetProperty("Comment").GetString()));
        Assert.Equal([name + ":1", $"localhost:5000/{name}:2"], inspect.GetProperty("RepoTags").Strings());
        var format = await DockerCli.SucceedAsync(Host, "image", "inspect", "--format", "{{.Os}}/{{.Architecture}} {{json .Config.Cmd}}", id[7..19]);
        Assert.Equal("linux/amd64 [\"sh\"]", format.Stdout.Trim());

        var history = await DockerCli.SucceedAsync(Host, "history", "--no-trunc", "--format", "{{.ID}} {{.Comment}}", name + ":1");
        Assert.Equal($"{id} from the cli", history.Stdout.Trim());

        var untag = await DockerCli.SucceedAsync(Host, "rmi", $"localhost:5000/{name}:2");
        Assert.Equal($"Untagged: localhost:5000/{name}:2", untag.Stdout.Trim());
        var delete = await DockerCli.SucceedAsync(Host, "rmi", name + ":1");
        Assert.Equal($"Untagged: {name}:1\nDeleted: {id}", delete.Stdout.Trim());
    }

    [Fact]
    public async Task Save_and_load_files()
    {
        var name = $"clisave{Guid.NewGuid():N}"[..17];
        var directory = platform.TempDirectory("platform-images-cli-");
        var id = await platform.ImagesA.Http.ImportAsync(RootFilesystems.Tiny(name), name + ":1");
        var archive = Path.Combine(directory, "saved.tar");

        await DockerCli.SucceedAsync(Host, "save", "-o", archive, name + ":1");
        await DockerCli.SucceedAsync(Host, "rmi", name + ":1");
        var load = await DockerCli.SucceedAsync(Host, "load", "-i", archive);

        Assert.Contains("oci-layout", Archives.Read(await File.ReadAllBytesAsync(archive)).Keys);
        Assert.Equal($"Loaded image: {name}:1", load.Stdout.Trim());
        Assert.Equal(id, (await DockerCli.SucceedAsync(Host, "image", "inspect", "--format", "{{.Id}}", name + ":1")).Stdout.Trim());
    }

    [Fact]
    public async Task Errors_read_as_Docker_errors()
    {
        var name = $"clinone{Guid.NewGuid():N}"[..17];

        var inspect = await DockerCli.RunAsync(Host, "image", "inspect", name);
        var rmi = await DockerCli.RunAsync(Host, "rmi", name);
        var load = await DockerCli.RunAsync(Host, "load", "-i", "/etc/hostname");

        Assert.Equal(1, inspect.ExitCode);
        Assert.Contains($"No such image: {name}:latest", inspect.Stderr);
        Assert.Equal($"Error response from daemon: No such image: {name}:latest", rmi.Stderr.Trim());
        Assert.Contains("Error response from daemon: invalid tar archive", load.Stderr);
    }

    [Fact]
    public async Task Image_prune()
    {
        var run = $"{Guid.NewGuid():N}"[..10];
        var id = await platform.ImagesA.Http.ImportAsync(RootFilesystems.Tiny(run), null, $"LABEL cliprune={run}");

        var prune = await DockerCli.SucceedAsync(Host, "image", "prune", "-f", "--filter", $"label=cliprune={run}");

        Assert.Contains($"deleted: {id}", prune.Stdout);
        Assert.Contains("Total reclaimed space:", prune.Stdout);
    }
}
