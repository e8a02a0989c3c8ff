using System.Diagnostics;
using System.Text.Json;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Outages;

/// <summary>
/// The per-host services are local-first: with RabbitMQ stopped, and separately with PostgreSQL stopped, `docker run`
/// (no network and the default bridge), exec, logs, ps and rm on an image the host has keep working; the events they
/// cause wait (in the runtime's journal, in networking's journal, in the broker) and reach the state log once the
/// server is back, in order, none twice.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class RuntimeOutageTests(OutagePlatform outage, ITestOutputHelper output)
{
    PlatformFixture Platform => outage.Platform;
    string Docker => Platform.DockerHost("unix");

    [Theory]
    [InlineData("rabbitmq")]
    [InlineData("postgres")]
    public async Task Docker_keeps_working_with_a_server_down_and_its_events_arrive_afterwards(string server)
    {
        var clock = Stopwatch.StartNew();
        await outage.Infrastructure.RunAsync($"stop-{server}");
        output.WriteLine($"{clock.Elapsed}: {server} stopped");
        var ids = new List<string>();
        try
        {
            foreach (var network in new[] { "none", "bridge" })
            {
                var run = await DockerCli.SucceedAsync(Docker, "run", "--rm", "--network", network, PlatformFixture.Busybox, "echo", $"hello on {network}");
                Assert.Equal($"hello on {network}", run.Stdout.Trim());
            }
            output.WriteLine($"{clock.Elapsed}: docker run --rm on none and bridge");
            var id = (await DockerCli.SucceedAsync(Docker, "run", "-d", PlatformFixture.Busybox, "sh", "-c", "echo started; sleep 300")).Stdout.Trim();
            ids.Add(id);
            Assert.Equal("inside", (await DockerCli.SucceedAsync(Docker, "exec", id, "echo", "inside")).Stdout.Trim());
            Assert.Equal("started", (await Eventually.PollAsync(async () => (await DockerCli.SucceedAsync(Docker, "logs", id)).Stdout.Trim(), s => s == "started", TimeSpan.FromSeconds(10))));
            Assert.Contains(id[..12], (await DockerCli.SucceedAsync(Docker, "ps", "--format", "{{.ID}}")).Stdout);
            await DockerCli.SucceedAsync(Docker, "rm", "-f", id);
            Assert.DoesNotContain(id[..12], (await DockerCli.SucceedAsync(Docker, "ps", "-a", "--format", "{{.ID}}")).Stdout);
            output.WriteLine($"{clock.Elapsed}: run -d, exec, logs, ps, rm");
        }
        finally
        {
            await outage.Infrastructure.RunAsync($"start-{server}");
        }
        output.WriteLine($"{clock.Elapsed}: {server} started");

        var events = await Eventually.PollAsync(() => ContainerEvents.AllAsync(Platform), l => ids.All(id => l.Any(e => e.Actor == id && e.Action == "destroy")), TimeSpan.FromSeconds(120));
        var ours = events.Where(e => ids.Contains(e.Actor)).Select(e => e.Action).ToList();
        Assert.Equal(["create", "start", "exec_create", "exec_start", "exec_die", "kill", "die", "destroy"], ours.Select(a => a.Split(':')[0]).Where(a => a != "attach" && a != "stop"));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
    }
}
