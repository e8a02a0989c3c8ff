using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Images.Api.Tests.Integration;

/// <summary>
/// Debian's <c>docker-registry</c> (distribution 2.8) on a free 127.0.0.1 port with a temporary storage directory
/// (the minimal part of the distribution tests' harness), optionally behind htpasswd Basic auth (<see cref="Credentials"/>).
/// Disposing stops the process it started and removes the storage.
/// </summary>
public class RegistryServer : IAsyncLifetime
{
    const string Binary = "/usr/bin/docker-registry";
    readonly StringBuilder _log = new();
    string _dir = "";
    Process? _process;

    public int Port { get; private set; }

    /// <summary>The one user htpasswd admits; null for an open registry.</summary>
    public virtual (string User, string Password)? Credentials => null;
    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} missing: apt-get install docker-registry");
        _dir = Directory.CreateTempSubdirectory("platform-images-registry-").FullName;
        Port = FreePort();
        var config = $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_dir, "storage")}
            http:
              addr: 127.0.0.1:{Port}
              secret: test-secret
            {await AuthSectionAsync()}
            """;
        var configFile = Path.Combine(_dir, "config.yml");
        await File.WriteAllTextAsync(configFile, config);
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(configFile);
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{Port}/v2/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"docker-registry did not start on 127.0.0.1:{Port}:\n{Log}");
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
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
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    async Task<string> AuthSectionAsync()
    {
        if (Credentials is not { } credentials) return "";
        var htpasswd = Path.Combine(_dir, "htpasswd");
        var info = new ProcessStartInfo("htpasswd", ["-Bbn", credentials.User, credentials.Password]) { RedirectStandardOutput = true };
        using var tool = Process.Start(info)!;
        var line = await tool.StandardOutput.ReadToEndAsync();
        await tool.WaitForExitAsync();
        await File.WriteAllTextAsync(htpasswd, line.Trim() + "\n");
        return $"auth:\n  htpasswd:\n    realm: test-registry\n    path: {htpasswd}";
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A registry that admits only "tester" / "s3cret" (htpasswd, Basic auth).</summary>
public sealed class AuthenticatedRegistryServer : RegistryServer
{
    public override (string User, string Password)? Credentials => ("tester", "s3cret");
}
