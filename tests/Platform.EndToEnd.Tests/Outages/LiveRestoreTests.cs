using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Outages;

/// <summary>
/// Live-restore: the runtime killed (-9) or stopped while containers run, then started again. Containers keep running
/// and are adopted again (same process), every log line written meanwhile is there in order, exits that happened
/// meanwhile are recorded, restart policies resume, attach and exec work, and the state log sees each event once.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class LiveRestoreTests(OutagePlatform outage, ITestOutputHelper output)
{
    PlatformFixture Platform => outage.Platform;
    string Docker => Platform.DockerHost("unix");

    [Fact]
    public async Task Fifty_containers_survive_a_runtime_kill_and_are_adopted_again()
    {
        var clock = Stopwatch.StartNew();
        var sleepers = await RunManyAsync(20, "-d", PlatformFixture.Busybox, "sleep", "300");
        var loggers = await RunManyAsync(10, "-d", PlatformFixture.Busybox, "sh", "-c", "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.05; done");
        var restarting = await RunManyAsync(5, "-d", "--restart", "always", PlatformFixture.Busybox, "sh", "-c", "sleep 1; exit 1");
        var readers = await RunManyAsync(5, "-d", "-i", PlatformFixture.Busybox, "sh", "-c", "while read l; do echo got $l; done");
        var attached = readers.Select(id => AttachedCli.Start(Docker, id)).ToList();
        var exiting = await RunManyAsync(10, "-d", PlatformFixture.Busybox, "sh", "-c", "sleep 4; exit 7");
        output.WriteLine($"{clock.Elapsed}: 50 containers running");
        var pids = await PidsAsync([.. sleepers, .. loggers, .. readers]);
        var restartsBefore = await RestartCountsAsync(restarting);

        await Platform.RestartServiceAsync("Platform.Runtime", kill: true, whileDown: () => Task.Delay(TimeSpan.FromSeconds(6)));
        output.WriteLine($"{clock.Elapsed}: runtime killed, down 6 s, started again");
        foreach (var cli in attached) cli.Dispose();

        Assert.Equal(pids, await PidsAsync([.. sleepers, .. loggers, .. readers])); // the same processes, adopted again
        foreach (var id in exiting)
            Assert.Equal("exited 7", await InspectAsync(id, "{{.State.Status}} {{.State.ExitCode}}"));
        foreach (var id in loggers)
        {
            var lines = (await DockerCli.SucceedAsync(Docker, "logs", id)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length > 100, $"{id} logged only {lines.Length} lines");
            Assert.Equal(Enumerable.Range(0, lines.Length).Select(i => $"line {i}"), lines); // nothing lost, nothing twice, in order
        }
        var restartsAfter = await Eventually.PollAsync(() => RestartCountsAsync(restarting),
            counts => counts.Zip(restartsBefore).All(c => c.First > c.Second + 1), TimeSpan.FromSeconds(30));
        Assert.All(restartsAfter.Zip(restartsBefore), c => Assert.True(c.First > c.Second + 1, "the restart policy did not resume"));
        Assert.Equal("hi", (await DockerCli.SucceedAsync(Docker, "exec", sleepers[0], "echo", "hi")).Stdout.Trim());
        using (var attach = AttachedCli.Start(Docker, readers[0]))
            Assert.Equal("got hello", await attach.SendAsync("hello", TimeSpan.FromSeconds(15)));
        output.WriteLine($"{clock.Elapsed}: checked");

        var log = await Eventually.PollAsync(() => ContainerEvents.AllAsync(Platform), l => exiting.All(id => l.Count(e => e.Actor == id && e.Action == "die") >= 1),
            TimeSpan.FromSeconds(60));
        Assert.Equal(log.Count, log.Select(e => e.Id).Distinct().Count());
        foreach (var id in exiting) Assert.Single(log, e => e.Actor == id && e.Action == "die");
        foreach (var id in sleepers.Concat(loggers)) Assert.Single(log, e => e.Actor == id && e.Action == "start");

        await RemoveAsync([.. sleepers, .. loggers, .. restarting, .. readers, .. exiting]);
    }

    [Fact]
    public async Task A_clean_restart_keeps_containers_running_and_their_logs_whole()
    {
        var sleeper = (await DockerCli.SucceedAsync(Docker, "run", "-d", PlatformFixture.Busybox, "sleep", "300")).Stdout.Trim();
        var logger = (await DockerCli.SucceedAsync(Docker, "run", "-d", PlatformFixture.Busybox, "sh", "-c", "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.05; done")).Stdout.Trim();
        var pids = await PidsAsync([sleeper, logger]);

        await Platform.RestartServiceAsync("Platform.Runtime", kill: false, whileDown: () => Task.Delay(TimeSpan.FromSeconds(2)));

        Assert.Equal(pids, await PidsAsync([sleeper, logger]));
        var lines = (await DockerCli.SucceedAsync(Docker, "logs", logger)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, lines.Length).Select(i => $"line {i}"), lines);
        Assert.Equal("hi", (await DockerCli.SucceedAsync(Docker, "exec", logger, "echo", "hi")).Stdout.Trim());
        await RemoveAsync([sleeper, logger]);
    }

    [Fact]
    public async Task Containers_lost_with_run_are_marked_exited_not_forgotten()
    {
        var lost = (await DockerCli.SucceedAsync(Docker, "run", "-d", "--name", $"lost-{Guid.NewGuid():N}"[..17], PlatformFixture.Busybox, "sleep", "300")).Stdout.Trim();
        var pid = (await PidsAsync([lost]))[0];

        await Platform.RestartServiceAsync("Platform.Runtime", kill: true, whileDown: async () =>
        {
            // A reboot, as far as runtime can tell: its processes are gone and so is everything it kept under /run.
            foreach (var process in ConmonOf(lost).Append(pid)) KillProcess(process);
            await Task.Delay(500);
            Directory.Delete(Path.Combine(Platform.RunDir, "runtime"), recursive: true);
        });

        var state = await Eventually.PollAsync(() => InspectAsync(lost, "{{.State.Status}}"), s => s == "exited", TimeSpan.FromSeconds(30));
        Assert.Equal("exited", state);
        Assert.Contains(lost[..12], (await DockerCli.SucceedAsync(Docker, "ps", "-a", "--filter", "status=exited", "--format", "{{.ID}}")).Stdout);
        await DockerCli.SucceedAsync(Docker, "start", lost); // and it can run again
        Assert.Equal("running", await InspectAsync(lost, "{{.State.Status}}"));
        await RemoveAsync([lost]);
    }

    async Task<List<string>> RunManyAsync(int count, params string[] args)
    {
        var ids = new List<string>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(5))
            ids.AddRange(await Task.WhenAll(batch.Select(async _ => (await DockerCli.SucceedAsync(Docker, ["run", .. args])).Stdout.Trim())));
        return ids;
    }

    async Task<string> InspectAsync(string id, string format) => (await DockerCli.SucceedAsync(Docker, "inspect", "--format", format, id)).Stdout.Trim();

    async Task<List<int>> PidsAsync(IEnumerable<string> ids) =>
        [.. await Task.WhenAll(ids.Select(async id => int.Parse(await InspectAsync(id, "{{.State.Pid}}"))))];

    async Task<List<int>> RestartCountsAsync(IEnumerable<string> ids) =>
        [.. await Task.WhenAll(ids.Select(async id => int.Parse(await InspectAsync(id, "{{.RestartCount}}"))))];

    /// <summary>
    /// rm -f of them all. Known defect, seen under CI load only: a force removal racing a restart-policy start can
    /// answer 500; the removal is tried again for what is left (the fixture still checks nothing leaks).
    /// </summary>
    async Task RemoveAsync(IReadOnlyList<string> ids)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await DockerCli.RunAsync(Docker, ["rm", "-f", .. ids]);
            if (result.ExitCode == 0) return;
            var left = (await DockerCli.SucceedAsync(Docker, "ps", "-aq", "--no-trunc")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            ids = [.. ids.Where(left.Contains)];
            if (ids.Count == 0) return;
            Assert.True(attempt < 3, $"docker rm -f failed three times: {result}");
            await Task.Delay(1000);
        }
    }

    static IEnumerable<int> ConmonOf(string id) =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0).Where(p => p > 0)
            .Where(p => { try { return File.ReadAllText($"/proc/{p}/cmdline").Contains(id) && File.ReadAllText($"/proc/{p}/comm").StartsWith("conmon"); } catch (IOException) { return false; } })
            .ToList();

    static void KillProcess(int pid)
    {
        try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
    }

    /// <summary>`docker attach` kept open, as a user's terminal would: stdin written line by line, stdout read back.</summary>
    sealed class AttachedCli : IDisposable
    {
        readonly Process _process;
        readonly BlockingCollection<string> _lines = new();

        AttachedCli(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Add(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public static AttachedCli Start(string dockerHost, string id)
        {
            var start = new ProcessStartInfo("docker", ["attach", "--sig-proxy=false", id])
                { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["DOCKER_HOST"] = dockerHost;
            start.Environment["DOCKER_CONFIG"] = Path.Combine(Path.GetTempPath(), "platform-tests-docker-config");
            return new AttachedCli(Process.Start(start)!);
        }

        public async Task<string> SendAsync(string line, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                await _process.StandardInput.WriteLineAsync(line);
                await _process.StandardInput.FlushAsync();
                if (_lines.TryTake(out var answer, TimeSpan.FromSeconds(1))) return answer; // the attach may take a moment to be up
            }
            throw new TimeoutException($"no answer to '{line}' through docker attach");
        }

        public void Dispose()
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            _process.Dispose();
        }
    }
}
