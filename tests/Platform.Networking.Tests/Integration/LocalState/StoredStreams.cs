using JasperFx.Events;
using Marten;
using Platform.Testing;

namespace Platform.Networking.Tests.Integration.LocalState;

/// <summary>What Marten holds of a stream, read straight from the database.</summary>
public static class StoredStreams
{
    public static async Task<IReadOnlyList<IEvent>> EventsAsync(this IDocumentStore store, string stream)
    {
        await using var session = store.QuerySession();
        return await session.Events.FetchStreamAsync(stream);
    }

    /// <summary>The stream once it holds <paramref name="count"/> events (or what it holds after the timeout).</summary>
    public static Task<IReadOnlyList<IEvent>> EventuallyAsync(this IDocumentStore store, string stream, int count) =>
        Eventually.PollAsync(async () =>
        {
            try
            {
                return await store.EventsAsync(stream);
            }
            catch (Exception error) when (error is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return [];
            }
        }, events => events.Count >= count, TimeSpan.FromSeconds(30));

    public static string[] Types(this IReadOnlyList<IEvent> events) => [.. events.Select(e => e.Data.GetType().Name)];
}
