using System.Diagnostics;
using System.Text;
using Platform.Images.Content;

namespace Platform.Images.Distribution.Tests.Support;

/// <summary>
/// Debian's <c>docker-registry</c> (distribution 2.8) on a free 127.0.0.1 port with a temporary storage directory,
/// optionally behind htpasswd Basic auth. Disposing stops the process it started and removes the storage.
/// </summary>
public sealed class RegistryServer : IAsyncDisposable
{
    const string Binary = "/usr/bin/docker-registry";
    readonly TempDir _dir;
    readonly Process _process;
    readonly StringBuilder _log = new();

    RegistryServer(TempDir dir, int port, Process process)
    {
        _dir = dir;
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }
    public string Host => $"127.0.0.1:{Port}";
    public string StorageRoot => _dir.Combine("storage");
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Where the registry keeps a blob's bytes (distribution's storage layout).</summary>
    public string BlobDataPath(Digest digest) =>
        Path.Combine(StorageRoot, "docker", "registry", "v2", "blobs", "sha256", digest.Hex[..2], digest.Hex, "data");

    public static async Task<RegistryServer> StartAsync(string? user = null, string? password = null)
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} missing: apt-get install docker-registry");
        var dir = new TempDir("registry");
        var port = Ports.Free();
        var auth = "";
        if (user is not null)
        {
            var line = await Tools.RunAsync("htpasswd", ["-Bbn", user, password ?? ""]);
            await File.WriteAllTextAsync(dir.Combine("htpasswd"), line.Trim() + "\n");
            auth = $"auth:\n  htpasswd:\n    realm: test-registry\n    path: {dir.Combine("htpasswd")}\n";
        }
        var config = $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {dir.Combine("storage")}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
              secret: test-secret
            {auth}
            """;
        await File.WriteAllTextAsync(dir.Combine("config.yml"), config);

        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(dir.Combine("config.yml"));
        var server = new RegistryServer(dir, port, Process.Start(info)!);
        await server.WaitReadyAsync();
        return server;
    }

    async Task WaitReadyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) break;
            try
            {
                using var response = await http.GetAsync($"http://{Host}/v2/");
                return; // 200, or 401 with auth
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"docker-registry did not start on {Host}:\n{Log}");
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _dir.Dispose();
    }
}

/// <summary>One plain registry per test class.</summary>
public sealed class PlainRegistry : IAsyncLifetime
{
    public RegistryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RegistryServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
