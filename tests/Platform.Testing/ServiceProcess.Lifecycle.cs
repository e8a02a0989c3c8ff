using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Platform.Testing;

public sealed partial class ServiceProcess
{
    /// <summary>Processes still running; killed when the test process exits, so a crashed run leaves nothing behind.</summary>
    static readonly ConcurrentDictionary<ServiceProcess, byte> Live = new();

    static ServiceProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var service in Live.Keys) service.Kill();
    };

    static ServiceProcess Launch(ServiceProcessOptions options, string program, int port)
    {
        var start = new ProcessStartInfo(options.Executable ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(program)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (options.Executable is null) start.ArgumentList.Add(program);
        foreach (var argument in options.Arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in options.Environment)
            if (value is null) start.Environment.Remove(key); else start.Environment[key] = value;
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment.Remove("ASPNETCORE_HTTPS_PORTS");
        if (options.PortVariable is { } variable) start.Environment[variable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";

        var output = new OutputTail();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(options, process, port, output);
        Live[service] = 0;
        return service;
    }

    async Task WaitUntilUpAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var paths = Options.WaitForReady ? new[] { Options.HealthPath, Options.ReadyPath } : [Options.HealthPath];
        foreach (var path in paths)
        {
            string? last = null;
            while (true)
            {
                if (_process.HasExited)
                    throw Failure($"exited with code {_process.ExitCode} before {path} answered");
                if (started.Elapsed > Options.StartTimeout)
                    throw Failure($"{path} did not answer 200 within {Options.StartTimeout.TotalSeconds:0}s (last: {last ?? "no answer"})");
                try
                {
                    using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    using var response = await Http.GetAsync(path, probe.Token);
                    if (response.StatusCode == HttpStatusCode.OK) break;
                    last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}".Trim();
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    last = ex.Message;
                }
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    ServiceStartException Failure(string what) =>
        new($"{Options.Name} on {BaseAddress} {what}. Its output ended with:\n{Output.Last(80)}");
}

public sealed class ServiceStartException(string message) : Exception(message);
