using System.Globalization;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Containers;

/// <summary>Watching containers and cleaning up after them with the real CLI: top, stats, prune, system df, info, exec events.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ObserveTests(PlatformFixture platform)
{
    string Host => platform.DockerHost("unix");

    static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    async Task<string> RunDetachedAsync(string name, string[] options, params string[] command) =>
        (await DockerCli.SucceedAsync(Host, ["run", "-d", "--name", name, .. options, PlatformFixture.Busybox, .. command])).Stdout.Trim();

    [Fact]
    public async Task Top_lists_the_container_s_processes_with_ps_columns_and_refuses_a_stopped_container()
    {
        var name = NewName("top");
        await RunDetachedAsync(name, [], "sh", "-c", "sleep 301 & sleep 302");

        var top = await Eventually.PollAsync(() => DockerCli.RunAsync(Host, "top", name), r => r.Stdout.Contains("sleep 302"), TimeSpan.FromSeconds(10));
        var custom = await DockerCli.SucceedAsync(Host, "top", name, "-o", "pid,args");

        var lines = top.Stdout.Trim().Split('\n');
        Assert.Equal(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(lines, l => l.EndsWith("sleep 301", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("sleep 302", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("dotnet", StringComparison.Ordinal) || l.Contains("conmon", StringComparison.Ordinal));
        Assert.Equal(["PID", "COMMAND"], custom.Stdout.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("sleep 301", custom.Stdout);

        await DockerCli.SucceedAsync(Host, "stop", "-t", "0", name);
        var stopped = await DockerCli.RunAsync(Host, "top", name);
        Assert.NotEqual(0, stopped.ExitCode);
        Assert.Contains("is not running", stopped.Stderr);
        await DockerCli.SucceedAsync(Host, "rm", name);
    }

    [Fact]
    public async Task Stats_without_streaming_shows_a_busy_container_s_cpu_and_its_memory_against_its_limit()
    {
        var name = NewName("stats");
        await RunDetachedAsync(name, ["-m", "64m"], "sh", "-c", "x=$(head -c 4000000 /dev/zero | tr '\\0' a); while :; do :; done");
        await Task.Delay(500);

        var stats = await DockerCli.SucceedAsync(Host, "stats", "--no-stream", "--format", "{{.Name}}|{{.CPUPerc}}|{{.MemUsage}}|{{.PIDs}}", name);

        var fields = stats.Stdout.Trim().Split('|');
        Assert.Equal(name, fields[0]);
        Assert.True(double.Parse(fields[1].TrimEnd('%'), CultureInfo.InvariantCulture) > 5, stats.Stdout);
        var memory = fields[2].Split(" / ");
        Assert.Equal("64MiB", memory[1]);
        Assert.Matches(@"^[0-9.]+(KiB|MiB)$", memory[0]);
        Assert.NotEqual("0B", memory[0]);
        Assert.True(int.Parse(fields[3], CultureInfo.InvariantCulture) >= 1, stats.Stdout);
        await DockerCli.SucceedAsync(Host, "rm", "-f", name);
    }

    [Fact]
    public async Task Stats_of_a_stopped_container_is_one_zeroed_sample()
    {
        var name = NewName("stats-stopped");
        await DockerCli.SucceedAsync(Host, "create", "--name", name, PlatformFixture.Busybox, "true");
        using var http = platform.CreateHttpClient();

        var body = await http.GetStringAsync($"/containers/{name}/stats?stream=1");

        using var json = JsonDocument.Parse(body);
        Assert.Equal("/" + name, json.RootElement.GetProperty("name").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", json.RootElement.GetProperty("read").GetString());
        Assert.Equal(0UL, json.RootElement.GetProperty("cpu_stats").GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64());
        await DockerCli.SucceedAsync(Host, "rm", name);
    }

    [Fact]
    public async Task Container_prune_removes_the_stopped_containers_that_match_its_filters()
    {
        var suite = "observe-" + Guid.NewGuid().ToString("N")[..8];
        await DockerCli.SucceedAsync(Host, "run", "--label", "suite=" + suite, PlatformFixture.Busybox, "true");
        var created = (await DockerCli.SucceedAsync(Host, "create", "--label", "suite=" + suite, PlatformFixture.Busybox, "true")).Stdout.Trim();
        var kept = (await DockerCli.SucceedAsync(Host, "create", "--label", "suite=" + suite, "--label", "keep=1", PlatformFixture.Busybox, "true")).Stdout.Trim();
        var running = await RunDetachedAsync(NewName("prune-running"), ["--label", "suite=" + suite], "sleep", "300");
        var exited = (await DockerCli.SucceedAsync(Host, "ps", "-aq", "--no-trunc", "--filter", "label=suite=" + suite, "--filter", "status=exited")).Stdout.Trim();

        var prune = await DockerCli.SucceedAsync(Host, "container", "prune", "-f", "--filter", "label=suite=" + suite, "--filter", "label!=keep");

        var lines = prune.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("Deleted Containers:", lines[0]);
        Assert.Equal(new[] { exited, created }.Order(), lines[1..3].Order());
        Assert.Equal("", lines[3]);
        Assert.StartsWith("Total reclaimed space: ", lines[4]);
        var left = await DockerCli.SucceedAsync(Host, "ps", "-aq", "--no-trunc", "--filter", "label=suite=" + suite);
        Assert.Equal(new[] { kept, running }.Order(), left.Stdout.Trim().Split('\n').Order());
        await DockerCli.SucceedAsync(Host, "rm", "-f", kept, running);
    }

    [Fact]
    public async Task System_df_and_info_count_what_docker_ps_and_images_show()
    {
        var name = NewName("df");
        var id = await RunDetachedAsync(name, [], "sh", "-c", "head -c 100000 /dev/zero > /big; sleep 300");
        var paused = NewName("df-paused");
        await RunDetachedAsync(paused, [], "sleep", "300");
        await DockerCli.SucceedAsync(Host, "pause", paused);

        var all = Count(await DockerCli.SucceedAsync(Host, "ps", "-aq"));
        var running = Count(await DockerCli.SucceedAsync(Host, "ps", "-q", "--filter", "status=running"));
        var images = Count(await DockerCli.SucceedAsync(Host, "images", "-aq", "--no-trunc"));
        var info = await DockerCli.SucceedAsync(Host, "info", "--format",
            "{{.Containers}}|{{.ContainersRunning}}|{{.ContainersPaused}}|{{.ContainersStopped}}|{{.Images}}");
        var df = await DockerCli.SucceedAsync(Host, "system", "df", "--format", "{{.Type}}|{{.TotalCount}}|{{.Active}}");
        var verbose = await Eventually.PollAsync(() => DockerCli.SucceedAsync(Host, "system", "df", "-v"),
            r => r.Stdout.Split('\n').Any(l => l.StartsWith(id[..12], StringComparison.Ordinal) && l.Contains("kB")), TimeSpan.FromSeconds(5));

        Assert.Equal($"{all}|{running}|1|{all - running - 1}|{images}", info.Stdout.Trim());
        var rows = df.Stdout.Trim().Split('\n').Select(l => l.Split('|')).ToList();
        Assert.Equal(["Images", "Containers", "Local Volumes", "Build Cache"], rows.Select(r => r[0]));
        Assert.Equal(images.ToString(CultureInfo.InvariantCulture), rows[0][1]);
        Assert.InRange(int.Parse(rows[0][2], CultureInfo.InvariantCulture), 1, images);
        Assert.Equal(($"{all}", $"{running + 1}"), (rows[1][1], rows[1][2]));
        Assert.Equal(("0", "0"), (rows[3][1], rows[3][2]));
        var row = verbose.Stdout.Split('\n').Single(l => l.StartsWith(id[..12], StringComparison.Ordinal));
        Assert.Contains(" 100kB ", row); // SIZE: what the container wrote
        await DockerCli.SucceedAsync(Host, "unpause", paused); // rm -f of a paused container is a 500 today (double resume in ContainerLifecycle)
        await DockerCli.SucceedAsync(Host, "rm", "-f", name, paused);
    }

    [Fact]
    public async Task Exec_create_start_and_die_reach_the_state_log_as_docker_s_exec_events()
    {
        var name = NewName("exec-events");
        var id = await RunDetachedAsync(name, ["--label", "suite=observe"], "sleep", "300");

        var exec = await DockerCli.RunAsync(Host, "exec", name, "sh", "-c", "exit 3");

        Assert.Equal(3, exec.ExitCode);
        using var http = platform.CreateHttpClient();
        string[] actions = ["exec_create: sh -c exit 3", "exec_start: sh -c exit 3", "exec_die"];
        var events = await Eventually.PollAsync(async () =>
        {
            var found = new List<JsonElement>();
            foreach (var action in actions)
            {
                var query = $"/api/v1/events?type=container&host={platform.HostId}&action={Uri.EscapeDataString(action)}&limit=1000";
                using var doc = JsonDocument.Parse(await http.GetStringAsync(query));
                found.AddRange(doc.RootElement.GetProperty("events").EnumerateArray()
                    .Where(e => e.GetProperty("actorId").GetString() == id).Select(e => e.Clone()));
            }
            return found;
        }, e => e.Count >= 3, TimeSpan.FromSeconds(30));

        Assert.Equal(["exec_create: sh -c exit 3", "exec_start: sh -c exit 3", "exec_die"], events.Select(e => e.GetProperty("action").GetString()));
        var execIds = events.Select(e => e.GetProperty("attributes").GetProperty("execID").GetString()).Distinct().ToList();
        Assert.Matches("^[0-9a-f]{64}$", Assert.Single(execIds));
        var die = events[2].GetProperty("attributes");
        Assert.Equal(("3", name, "observe"), (die.GetProperty("exitCode").GetString(), die.GetProperty("name").GetString(), die.GetProperty("suite").GetString()));
        await DockerCli.SucceedAsync(Host, "rm", "-f", name);
    }

    static int Count(DockerCli.Result result) =>
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count();
}
