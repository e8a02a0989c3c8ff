using System.Text.Json;

namespace Platform.Testing;

/// <summary>
/// Containers a suite left behind are the tests' bug, not the engine's: they are removed through the API
/// (DELETE ?force=1&amp;v=1, as a user would) before the engine is checked for leaks.
/// </summary>
public static class LeftoverContainers
{
    /// <summary>Force-removes every container the platform still lists; returns their names for the report.</summary>
    public static async Task<IReadOnlyList<string>> RemoveAllAsync(HttpClient http)
    {
        using var list = JsonDocument.Parse(await http.GetStringAsync("/containers/json?all=1"));
        var removed = new List<string>();
        foreach (var container in list.RootElement.EnumerateArray())
        {
            var id = container.GetProperty("Id").GetString()!;
            var name = container.GetProperty("Names").EnumerateArray().FirstOrDefault().GetString() ?? id;
            using var response = await http.DeleteAsync($"/containers/{id}?force=1&v=1");
            if (!response.IsSuccessStatusCode && (int)response.StatusCode != 404)
                throw new InvalidOperationException($"removing leftover container {name} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            removed.Add($"{name} ({container.GetProperty("State").GetString()})");
        }
        return removed;
    }
}
