using Platform.Networking.Networks;

namespace Platform.Networking.Tests.Unit.Networks;

/// <summary>Folds events into the aggregate exactly as the store does: Create from the first, Apply for the rest.</summary>
static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static Network? NoHistory => null;

    public static Network? Events(params object[] history) => history.Aggregate((Network?)null, (state, e) => (state, e) switch
    {
        (null, NetworkCreated created) => Network.Create(created),
        ({ } network, NetworkRemoved removed) => network.Apply(removed),
        _ => throw new ArgumentException($"{e.GetType().Name} cannot follow {(state is null ? "an empty stream" : "an existing network")}"),
    });

    public static NetworkCreated UserNetwork(string id = "a1", string name = "backend") => new(
        id, "host-1", name, "bridge", "local", "10.10.0.0/24", "10.10.0.1", Internal: false, Attachable: true,
        Predefined: false, new Dictionary<string, string> { ["team"] = "db" }, new Dictionary<string, string>(), Now.AddHours(-1));
}
