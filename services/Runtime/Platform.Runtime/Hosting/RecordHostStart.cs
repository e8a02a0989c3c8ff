using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.Runtime.Journal;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.Runtime.Hosting;

/// <summary>Records in the journal that this host's runtime started; the shipper announces it to the fleet.</summary>
public sealed class RecordHostStart(
    RuntimeJournal journal, HostFacts facts, IOptions<PlatformHostOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var hostId = options.Value.HostId;
        var started = new HostStarted(hostId, facts.Hostname, DockerApiVersion.EngineVersion, facts.KernelVersion,
            facts.Cpus, facts.MemoryBytes, time.GetUtcNow());
        var data = JsonSerializer.SerializeToUtf8Bytes(started, RuntimeJournalJson.Default.HostStarted);
        await journal.AppendAsync(HostStarted.Type, "host:" + hostId, data, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
