using Microsoft.Extensions.Options;
using Platform.Runtime.Journal;
using Platform.ServiceDefaults;
using RabbitMQ.Client;

namespace Platform.Runtime.Shipping;

/// <summary>
/// Ships journal entries to RabbitMQ in order with publisher confirms, resuming from the confirmed cursor. While the
/// broker is unreachable entries simply wait in the journal; nothing is dropped and nothing blocks the runtime. Entries
/// appended in a burst are coalesced into one batch (<see cref="ShippingOptions"/>).
/// </summary>
public sealed partial class JournalShipper(
    RuntimeJournal journal, JournalMapper mapper, BrokerStatus status, IConfiguration configuration,
    IOptions<PlatformHostOptions> options, IOptions<ShippingOptions> shipping, TimeProvider time, ILogger<JournalShipper> logger)
    : BackgroundService
{
    readonly ShippingCursor _cursor = new(Path.Combine(journal.Directory, "shipped"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var uri = configuration.GetConnectionString("RabbitMq");
        if (string.IsNullOrWhiteSpace(uri))
        {
            status.LastError = "no ConnectionStrings:RabbitMq configured";
            logger.LogWarning("No broker configured: journal entries stay local");
            return;
        }
        var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = $"platform-runtime@{options.Value.HostId}" };
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ShipWhileConnectedAsync(factory, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                status.Connected = false;
                status.LastError = ex.Message;
                logger.LogWarning("Broker unavailable, retrying in {Delay}: {Error}", delay, ex.Message);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
                continue;
            }
            delay = TimeSpan.FromMilliseconds(250);
        }
    }
}
