using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Images.Images.Resolving;
using Platform.ServiceDefaults;

namespace Platform.Images.Images.Writing;

/// <summary>
/// The one way image state changes. Every write of a host runs in one transaction holding that host's advisory lock
/// (as Docker's reference store holds its mutex), so the reference index read by a decision is the index the write
/// commits against: a tag moved by two requests at once still points at exactly one image. Streams are fetched with
/// FetchForWriting, so a writer that bypassed the lock would still fail on the version check (and be retried).
/// </summary>
public sealed class ImageWriter(IDocumentStore store, IOptions<PlatformHostOptions> host, TimeProvider clock, ResolutionCache resolutions)
{
    const int MaxAttempts = 3;

    public string HostId => host.Value.HostId;

    public async Task<T> WriteAsync<T>(Func<ImageWriteSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            await session.BeginTransactionAsync(cancellationToken);
            await LockHostAsync(session, cancellationToken);
            var write = new ImageWriteSession(session, HostId, clock.GetUtcNow());
            var result = await work(write, cancellationToken);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                resolutions.Invalidate();
                return result;
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone wrote without the lock; decide again against what they committed.
            }
        }
    }

    async Task LockHostAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", session.Connection);
        command.Parameters.AddWithValue("key", LockKey(HostId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>pg_advisory_xact_lock key of a host's images: the first 8 bytes of a hash of its id.</summary>
    public static long LockKey(string hostId) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("platform/images\n" + hostId)));
}
