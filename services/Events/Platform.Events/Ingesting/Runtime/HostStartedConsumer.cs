using System.Globalization;
using MassTransit;
using Platform.Contracts.Runtime;
using Platform.Events.StateLog;
using Platform.Events.StateLog.Recording;

namespace Platform.Events.Ingesting.Runtime;

/// <summary>runtime.host-started → "host"/"start" on host:&lt;id&gt;, attributes describing the host.</summary>
public sealed class HostStartedConsumer(StateLogWriter log) : IConsumer<HostStarted>
{
    public Task Consume(ConsumeContext<HostStarted> context)
    {
        var message = context.Message;
        return log.RecordAsync(new LogEntryRecorded(
            Resource: $"host:{message.HostId}",
            context.RequiredMessageId(),
            Type: "host",
            Action: "start",
            message.HostId,
            Service: "runtime",
            ActorId: message.HostId,
            Attributes: new Dictionary<string, string>
            {
                ["name"] = message.Hostname,
                ["engineVersion"] = message.EngineVersion,
                ["kernelVersion"] = message.KernelVersion,
                ["cpus"] = message.Cpus.ToString(CultureInfo.InvariantCulture),
                ["memoryBytes"] = message.MemoryBytes.ToString(CultureInfo.InvariantCulture),
            },
            message.StartedAt), context.CancellationToken);
    }
}
