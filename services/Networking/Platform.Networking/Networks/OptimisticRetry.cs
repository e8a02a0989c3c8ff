using JasperFx;

namespace Platform.Networking.Networks;

/// <summary>
/// Runs a fetch-decide-append against a stream again when another writer committed first (the stream moved past the
/// version the decision was made on), so two joins never get the same address; after a few losses it is a 409.
/// </summary>
public static class OptimisticRetry
{
    public const int Attempts = 5;

    public static async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
            catch (ConcurrencyException)
            {
                throw NetworkError.Conflict("the network was changed concurrently too many times; try again");
            }
        }
    }
}
