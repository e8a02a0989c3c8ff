using Platform.Networking.State.Journal;

namespace Platform.Networking.State;

/// <summary>
/// Behind the hot path: takes the journal's durable entries in order and writes them to Marten, retrying with backoff
/// while the database is away (never skipping one), then compacts the journal. Marten's subscription publishes the
/// integration events from there, so the bus hears about changes made while the database was down once it is back.
/// </summary>
public sealed class JournalToMarten(StateJournal journal, MartenAppender appender, ILogger<JournalToMarten> logger) : BackgroundService
{
    const int MaxBatch = 512;
    static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);

    /// <summary>How long a stop waits for durable entries to reach the database; the rest waits in the journal.</summary>
    static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(5);

    long _written;

    /// <summary>The highest journal sequence known to be in the database.</summary>
    public long WrittenSequence => Interlocked.Read(ref _written);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<JournalEntry>();
        try
        {
            while (await journal.Durable.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && journal.Durable.TryRead(out var entry)) batch.Add(entry);
                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // what was not written stays in the journal: the next start writes it first
        }
    }

    /// <summary>Writes <paramref name="batch"/> (in journal order) until Marten has all of it, then compacts.</summary>
    public async Task WriteAsync(IReadOnlyList<JournalEntry> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var delay = FirstRetry;
        for (var failures = 0; ; failures++)
        {
            try
            {
                await appender.AppendAsync(batch, ct);
                if (failures > 0) logger.LogInformation("Networking journal: entries up to {Sequence} written to the database after {Failures} failed attempts", batch[^1].Sequence, failures);
                break;
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                if (failures % 60 == 0) // the first failure, then about every five minutes of an outage
                    logger.LogWarning("Networking journal: writing entries {First}–{Last} to the database failed ({Failures} times), retrying until it succeeds: {Error}",
                        batch[0].Sequence, batch[^1].Sequence, failures + 1, error.Message);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
            }
        }
        try
        {
            journal.Compact(batch[^1].Sequence);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Networking journal: compaction failed (the entries stay, and are skipped when replayed): {Error}", error.Message);
        }
        Interlocked.Exchange(ref _written, batch[^1].Sequence);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + DrainOnStop;
        while (WrittenSequence < journal.DurableSequence && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            await Task.Delay(20, CancellationToken.None);
        await base.StopAsync(cancellationToken);
    }
}
