using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Platform.Testing;

/// <summary>
/// A platform service running as a real process on a free loopback port: started, waited for (/healthz, optionally
/// /readyz), its output kept, and killed on dispose. <see cref="Kill"/> is kill -9; <see cref="StopAsync"/> is SIGTERM.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    readonly Process _process;

    ServiceProcess(ServiceProcessOptions options, Process process, int port, OutputTail output)
    {
        Options = options;
        _process = process;
        Port = port;
        Output = output;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ServiceProcessOptions Options { get; }
    public int Port { get; }
    public Uri BaseAddress { get; }

    /// <summary>A client whose BaseAddress is the service.</summary>
    public HttpClient Http { get; }

    /// <summary>What the process wrote to stdout and stderr (the last few hundred lines).</summary>
    public OutputTail Output { get; }

    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the service and returns once it answers (throws with the output tail if it does not).</summary>
    public static async Task<ServiceProcess> StartAsync(ServiceProcessOptions options, CancellationToken cancellationToken = default)
    {
        var program = options.ProgramPath;
        if (!File.Exists(program))
            throw new FileNotFoundException($"{options.Name} is not built at {program}; run `dotnet build Platform.sln -c {ServiceProcessOptions.Configuration}` first.", program);
        for (var attempt = 1; ; attempt++)
        {
            var service = Launch(options, program, options.Port ?? FreeLoopbackPort());
            try
            {
                await service.WaitUntilUpAsync(cancellationToken);
                return service;
            }
            catch (ServiceStartException) when (attempt < 3 && options.Port is null && service.Output.Contains("address already in use"))
            {
                await service.DisposeAsync(); // lost a race for the port; try another
            }
            catch
            {
                await service.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>kill -9 of the process (and anything it started), as a crash would. Waits until it is gone.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, a graceful shutdown; kill -9 if it has not exited within the timeout.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited) return;
        _ = SendSignal(_process.Id, SigTerm);
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try { await _process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { Kill(); }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        Http.Dispose();
        Live.TryRemove(this, out _);
        await Task.CompletedTask;
        _process.Dispose();
    }

    public override string ToString() => $"{Options.Name} (pid {_process.Id}, {BaseAddress})";

    const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SendSignal(int pid, int signal);

    /// <summary>A loopback port free right now (for services that must know each other's address before they start).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
