using System.Diagnostics;

namespace Platform.Testing;

/// <summary>Polls until a condition holds or time runs out, returning the last observation so the test can assert on it.</summary>
public static class Eventually
{
    public static async Task<T> PollAsync<T>(
        Func<Task<T>> observe, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var observed = await observe();
            if (done(observed) || clock.Elapsed > timeout) return observed;
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200));
        }
    }
}
