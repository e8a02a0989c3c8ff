using System.Formats.Tar;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Platform.EndToEnd.Tests.Containers.Files;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Containers;

/// <summary>docker cp both ways, in every container state, the archive API Testcontainers reads, export and diff.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FileTests(PlatformFixture platform) : IDisposable
{
    readonly string _host = Directory.CreateTempSubdirectory("platform-cp-").FullName;
    readonly List<string> _containers = [];

    string Host => platform.DockerHost("unix");

    async Task<string> RunAsync(params string[] command)
    {
        var name = "files-" + Guid.NewGuid().ToString("N")[..8];
        _containers.Add(name);
        await DockerCli.SucceedAsync(Host, ["run", "-d", "--name", name, PlatformFixture.Busybox, .. command]);
        return name;
    }

    string HostFile(string relative, string content)
    {
        var path = Path.Combine(_host, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    async Task<string> ExecAsync(string container, string script) =>
        (await DockerCli.SucceedAsync(Host, "exec", container, "sh", "-c", script)).Stdout;

    [Fact]
    public async Task Docker_cp_copies_a_file_a_directory_and_a_directory_s_content_into_a_running_container()
    {
        var c = await RunAsync("sleep", "300");
        var file = HostFile("file.txt", "one file");
        HostFile("dir/a.txt", "a");
        HostFile("dir/sub/b.txt", "b");

        await DockerCli.SucceedAsync(Host, "cp", file, $"{c}:/tmp/");
        await DockerCli.SucceedAsync(Host, "cp", Path.Combine(_host, "dir"), $"{c}:/tmp/copied");
        await ExecAsync(c, "mkdir /tmp/content");
        await DockerCli.SucceedAsync(Host, "cp", Path.Combine(_host, "dir") + "/.", $"{c}:/tmp/content");

        Assert.Equal("one file|a|b|a|b", await ExecAsync(c,
            "printf '%s|%s|%s|%s|%s' \"$(cat /tmp/file.txt)\" \"$(cat /tmp/copied/a.txt)\" \"$(cat /tmp/copied/sub/b.txt)\" \"$(cat /tmp/content/a.txt)\" \"$(cat /tmp/content/sub/b.txt)\""));
    }

    [Fact]
    public async Task Docker_cp_copies_a_file_and_a_directory_out_of_a_container()
    {
        var c = await RunAsync("sh", "-c", "mkdir -p /srv/site/css && echo index > /srv/site/index.html && echo body > /srv/site/css/main.css && sleep 300");
        await Eventually.PollAsync(() => DockerCli.RunAsync(Host, "exec", c, "cat", "/srv/site/css/main.css"), r => r.ExitCode == 0, TimeSpan.FromSeconds(10));

        await DockerCli.SucceedAsync(Host, "cp", $"{c}:/etc/passwd", Path.Combine(_host, "passwd"));
        await DockerCli.SucceedAsync(Host, "cp", $"{c}:/srv/site", Path.Combine(_host, "site"));
        var missing = await DockerCli.RunAsync(Host, "cp", $"{c}:/no/such/file", _host);

        Assert.StartsWith("root:x:0:0:", File.ReadAllText(Path.Combine(_host, "passwd")));
        Assert.Equal("index\n", File.ReadAllText(Path.Combine(_host, "site/index.html")));
        Assert.Equal("body\n", File.ReadAllText(Path.Combine(_host, "site/css/main.css")));
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("Could not find the file /no/such/file in container", missing.Stderr);
    }

    [Fact]
    public async Task Files_copied_into_a_created_container_are_there_when_it_runs_and_a_stopped_one_takes_copies_too()
    {
        var name = "files-" + Guid.NewGuid().ToString("N")[..8];
        _containers.Add(name);
        await DockerCli.SucceedAsync(Host, "create", "--name", name, PlatformFixture.Busybox, "cat", "/tmp/hello.txt");
        await DockerCli.SucceedAsync(Host, "cp", HostFile("hello.txt", "hello before start\n"), $"{name}:/tmp/hello.txt");

        var run = await DockerCli.SucceedAsync(Host, "start", "-a", name);
        await DockerCli.SucceedAsync(Host, "cp", HostFile("later.txt", "after exit"), $"{name}:/tmp/later.txt");
        await DockerCli.SucceedAsync(Host, "cp", $"{name}:/tmp/later.txt", Path.Combine(_host, "back.txt"));

        Assert.Equal("hello before start\n", run.Stdout);
        Assert.Equal("after exit", File.ReadAllText(Path.Combine(_host, "back.txt")));
    }

    [Fact]
    public async Task A_read_only_rootfs_refuses_a_copy()
    {
        var name = "files-" + Guid.NewGuid().ToString("N")[..8];
        _containers.Add(name);
        await DockerCli.SucceedAsync(Host, "create", "--name", name, "--read-only", PlatformFixture.Busybox, "true");

        var copy = await DockerCli.RunAsync(Host, "cp", HostFile("x.txt", "x"), $"{name}:/tmp/");

        Assert.NotEqual(0, copy.ExitCode);
        Assert.Contains("container rootfs is marked read-only", copy.Stderr);
    }

    [Fact]
    public async Task Archive_get_carries_the_stat_header_that_testcontainers_and_docker_dotnet_decode()
    {
        var c = await RunAsync("sleep", "300");
        using var http = platform.CreateHttpClient();

        using var get = await http.GetAsync($"/v1.44/containers/{c}/archive?path=/etc/passwd", HttpCompletionOption.ResponseHeadersRead);
        var stat = JsonDocument.Parse(Convert.FromBase64String(get.Headers.GetValues("X-Docker-Container-Path-Stat").Single())).RootElement;
        var entries = await TarBodies.ReadAsync(await get.Content.ReadAsStreamAsync());
        using var link = new HttpRequestMessage(HttpMethod.Head, $"/containers/{c}/archive?path=/bin/sh");
        using var linkStat = await http.SendAsync(link);
        var linkJson = JsonDocument.Parse(Convert.FromBase64String(linkStat.Headers.GetValues("X-Docker-Container-Path-Stat").Single())).RootElement;
        using var missing = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/containers/{c}/archive?path=/nope"));

        Assert.Equal("application/x-tar", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("passwd", stat.GetProperty("name").GetString());
        Assert.Equal(entries[0].Content.Length, stat.GetProperty("size").GetInt64());
        Assert.Equal(("passwd", TarEntryType.RegularFile), (entries[0].Name, entries[0].Type));
        Assert.Single(entries);
        Assert.True(DateTimeOffset.TryParse(stat.GetProperty("mtime").GetString(), out _));
        Assert.Equal((1u << 27) | 0x1FF, linkJson.GetProperty("mode").GetUInt32());
        Assert.Equal("/bin/busybox", linkJson.GetProperty("linkTarget").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    // Docker.DotNet's chunked decoder fails the zero-length reads TarReader makes at entry ends: archives of up to
    // 4 MiB carry a Content-Length, so a directory reads entry by entry.
    [Fact]
    public async Task Docker_dotnet_reads_a_directory_archive_with_its_stat()
    {
        var c = await RunAsync("sleep", "300");
        using var docker = new DockerClientConfiguration(new Uri(Host)).CreateClient();
        var viaDotNet = await docker.Containers.GetArchiveFromContainerAsync(c, new GetArchiveFromContainerParameters { Path = "/etc" }, false);

        Assert.Equal("etc", viaDotNet.Stat.Name);
        Assert.NotEqual(0u, Convert.ToUInt32(viaDotNet.Stat.Mode) & (1u << 31));
        var names = (await TarBodies.ReadAsync(viaDotNet.Stream)).Select(e => e.Name).ToList();
        Assert.Equal("etc/", names[0]);
        Assert.Contains("etc/passwd", names);
    }

    [Fact]
    public async Task Archives_are_length_delimited_when_small_and_streamed_whole_when_large()
    {
        var c = await RunAsync("sleep", "300");
        await ExecAsync(c, "mkdir /big && head -c 6000000 /dev/urandom > /big/blob && echo small > /small");
        using var http = platform.CreateHttpClient();

        using var small = await http.GetAsync($"/containers/{c}/archive?path=/small", HttpCompletionOption.ResponseHeadersRead);
        var smallBytes = await small.Content.ReadAsByteArrayAsync();
        Assert.Equal(smallBytes.Length, small.Content.Headers.ContentLength);
        Assert.Equal("small\n", Encoding.UTF8.GetString((await TarBodies.ReadBytesAsync(new MemoryStream(smallBytes)))["small"]));
        using var large = await http.GetAsync($"/containers/{c}/archive?path=/big", HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(large.Content.Headers.ContentLength);
        Assert.True(large.Headers.TransferEncodingChunked);
        var entries = await TarBodies.ReadBytesAsync(await large.Content.ReadAsStreamAsync());
        Assert.Equal(6000000, entries["big/blob"].Length);
        Assert.Equal((await ExecAsync(c, "md5sum /big/blob | cut -d' ' -f1")).Trim(),
            Convert.ToHexStringLower(MD5.HashData(entries["big/blob"])));
    }

    [Fact]
    public async Task Hostile_tars_never_write_outside_the_container()
    {
        var c = await RunAsync("sleep", "300");
        var marker = "pwned-" + Guid.NewGuid().ToString("N")[..8];
        var secret = HostFile("secret", "host secret");
        using var http = platform.CreateHttpClient();

        using var climb = await http.PutAsync($"/containers/{c}/archive?path=/tmp", TarBodies.Of((TarEntryType.RegularFile, $"../../../../tmp/{marker}", "x")));
        using var through = await http.PutAsync($"/containers/{c}/archive?path=/tmp", TarBodies.Of(
            (TarEntryType.SymbolicLink, "escape", "/"), (TarEntryType.RegularFile, $"escape/tmp/{marker}", "inside")));
        using var hard = await http.PutAsync($"/containers/{c}/archive?path=/tmp", TarBodies.Of((TarEntryType.HardLink, "shadow", "../../../../.." + secret)));
        using var absoluteHard = await http.PutAsync($"/containers/{c}/archive?path=/", TarBodies.Of((TarEntryType.HardLink, "shadow", secret)));
        using var absolute = await http.PutAsync($"/containers/{c}/archive?path=/tmp", TarBodies.Of((TarEntryType.RegularFile, $"/{marker}-abs", "abs")));

        Assert.Equal(HttpStatusCode.BadRequest, climb.StatusCode);
        Assert.Contains("is outside of", await climb.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, through.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, hard.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, absoluteHard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, absolute.StatusCode);
        Assert.False(File.Exists($"/tmp/{marker}"));
        Assert.False(File.Exists($"/{marker}-abs"));
        Assert.Equal("inside|abs", await ExecAsync(c, $"printf '%s|%s' \"$(cat /tmp/{marker})\" \"$(cat /tmp/{marker}-abs)\""));
        Assert.Equal("0", (await ExecAsync(c, "ls /tmp/shadow /shadow 2>/dev/null | wc -l")).Trim());
        Assert.Equal(1, LinkCount(secret));
        Assert.Equal("host secret", File.ReadAllText(secret));
    }

    [Fact]
    public async Task Export_streams_the_whole_root_filesystem()
    {
        var c = await RunAsync("sh", "-c", "echo exported > /tmp/mark && sleep 300");
        await Eventually.PollAsync(() => DockerCli.RunAsync(Host, "exec", c, "cat", "/tmp/mark"), r => r.ExitCode == 0, TimeSpan.FromSeconds(10));
        var output = Path.Combine(_host, "export.tar");

        await DockerCli.SucceedAsync(Host, "export", "-o", output, c);

        await using var file = File.OpenRead(output);
        var entries = await TarBodies.ReadAsync(file);
        Assert.Contains(entries, e => e.Name == "bin/busybox" && e.Type == TarEntryType.RegularFile);
        Assert.Contains(entries, e => e.Name == "bin/sh" && e.Content == "busybox");
        Assert.Contains(entries, e => e.Name == "tmp/mark" && e.Content == "exported\n");
    }

    [Fact]
    public async Task Diff_lists_added_deleted_and_the_directories_they_changed()
    {
        var name = "files-" + Guid.NewGuid().ToString("N")[..8];
        _containers.Add(name);
        await DockerCli.SucceedAsync(Host, "run", "--name", name, PlatformFixture.Busybox, "sh", "-c", "touch /tmp/new; rm /etc/group");

        var diff = await DockerCli.SucceedAsync(Host, "diff", name);

        Assert.Equal("C /etc\nD /etc/group\nC /tmp\nA /tmp/new\n", diff.Stdout);
    }

    static int LinkCount(string path)
    {
        var stat = new global::System.Diagnostics.ProcessStartInfo("stat", ["-c", "%h", path]) { RedirectStandardOutput = true };
        using var process = global::System.Diagnostics.Process.Start(stat)!;
        return int.Parse(process.StandardOutput.ReadToEnd().Trim());
    }

    public void Dispose()
    {
        foreach (var c in _containers) DockerCli.RunAsync(Host, "rm", "-f", c).GetAwaiter().GetResult();
        Directory.Delete(_host, recursive: true);
    }
}
