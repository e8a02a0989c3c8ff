using Marten;
using Npgsql;

namespace Platform.Networking.State;

/// <summary>
/// Stream versions as Marten has them, in one query: the given streams and every sandbox stream (live or closed: a
/// container started again continues its stream, and its next entry must be decided on the right version).
/// </summary>
public sealed class StreamVersions(NpgsqlDataSource dataSource, IDocumentStore store)
{
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(IReadOnlyCollection<string> streams, CancellationToken ct)
    {
        var table = $"{store.Options.Events.DatabaseSchemaName}.mt_streams";
        await using var command = dataSource.CreateCommand($"select id, version from {table} where id like 'sandbox:%' or id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = streams.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) versions[reader.GetString(0)] = reader.GetInt64(1);
        return versions;
    }
}
