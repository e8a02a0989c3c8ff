using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Platform.Gateway.Tests.Integration.Support;

/// <summary>The real gateway (dotnet Platform.Gateway.dll) on free ports and a temporary socket path.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly ConcurrentQueue<string> _output = new();
    readonly string _socketDirectory;

    GatewayProcess(Process process, string socketDirectory, string socketPath, int tcpPort, int registryPort)
    {
        _process = process;
        _socketDirectory = socketDirectory;
        SocketPath = socketPath;
        TcpPort = tcpPort;
        RegistryPort = registryPort;
    }

    public string SocketPath { get; }
    public int TcpPort { get; }
    public int RegistryPort { get; }
    public string Output => string.Join('\n', _output);

    public static string DllPath { get; } = typeof(GatewayProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GatewayDll").Value!;

    /// <summary>
    /// Starts the gateway with clusters pointed at the given backends (cluster id → base address). The socket's
    /// directory does not exist yet: the gateway creates it (unless <paramref name="beforeStart"/> does).
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> clusters,
        IReadOnlyDictionary<string, string>? settings = null, Action<string>? beforeStart = null)
    {
        // A free port can be taken by a test running beside this one before the gateway binds it; the gateway then
        // stops at start-up with "address already in use". Start again on other ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(clusters, settings, beforeStart);
            }
            catch (PortTakenException) when (attempt < 3)
            {
            }
        }
    }

    sealed class PortTakenException(string message) : InvalidOperationException(message);

    static async Task<GatewayProcess> StartOnceAsync(IReadOnlyDictionary<string, string> clusters,
        IReadOnlyDictionary<string, string>? settings, Action<string>? beforeStart)
    {
        var socketDirectory = Directory.CreateTempSubdirectory("platform-gw-").FullName;
        var socketPath = Path.Combine(socketDirectory, "run", "docker.sock");
        beforeStart?.Invoke(socketPath);
        var (tcpPort, registryPort) = (FreePort(), FreePort());
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Socket"] = socketPath,
            ["Gateway__TcpPort"] = tcpPort.ToString(),
            ["Gateway__RegistryPort"] = registryPort.ToString(),
        };
        foreach (var (cluster, address) in clusters)
            environment[$"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address"] = address;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;

        var process = Launch(environment);
        var gateway = new GatewayProcess(process, socketDirectory, socketPath, tcpPort, registryPort);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) gateway._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) gateway._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await gateway.WaitUntilServingAsync();
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the gateway expecting it to refuse to start: exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        using var process = Launch(environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the gateway kept running");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    static Process Launch(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start the gateway");
    }

    async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        using var http = UnixSocketClient();
        http.Timeout = TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // the rest of its output read
                var message = $"gateway exited with {_process.ExitCode}:\n{Output}";
                throw Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException(message)
                    : new InvalidOperationException(message);
            }
            try
            {
                // Kestrel serves each listener as soon as it is bound: wait for all three
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode && await AcceptsAsync(TcpPort) && await AcceptsAsync(RegistryPort))
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }   // not up yet, or slow
            await Task.Delay(50);
        }
        throw new TimeoutException($"gateway did not start:\n{Output}");
    }

    static async Task<bool> AcceptsAsync(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>An HttpClient that talks to the gateway's unix socket.</summary>
    public HttpClient UnixSocketClient() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancel) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancel);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = new Uri("http://docker.sock") };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_socketDirectory, recursive: true);
    }
}
