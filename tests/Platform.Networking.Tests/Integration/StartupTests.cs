using System.Net;

namespace Platform.Networking.Tests.Integration;

/// <summary>A host starting up: predefined networks, then every bridge ensured and leftovers removed.</summary>
[Collection(NetworkingCollection.Name)]
public sealed class StartupTests(NetworkingFixture fixture)
{
    [Fact]
    public async Task On_start_every_bridge_network_is_ensured_and_bridges_of_removed_networks_are_removed()
    {
        var hostId = "start-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?> { ["Networking:DefaultBridge:Name"] = "pf-test0", ["Networking:DefaultBridge:Subnet"] = "10.250.0.0/16" };
        string userId, goneId;
        await using (var first = await NetworkingHost.StartAsync(fixture.Environment, hostId, settings: settings))
        {
            Assert.Equal(["pf-test0"], first.DataPlane.Ensured.Select(p => p.Bridge));
            Assert.Equal(("10.250.0.0/16", "10.250.0.1"), (first.DataPlane.Ensured[0].Subnet, first.DataPlane.Ensured[0].Gateway));
            userId = await first.Http.CreateNetworkAsync("""{"Name":"survivor"}""");
            goneId = await first.Http.CreateNetworkAsync("""{"Name":"gone"}""");
            await first.Http.DeleteAsync("/networks/gone");
        }

        var restarted = new RecordingDataPlane();
        // pbr-<gone> outlived its network (a crash before its removal); pbr-deadbeef000 is another platform's
        restarted.Bridges.AddRange(["pf-test0", "pbr-" + userId[..11], "pbr-" + goneId[..11], "pbr-deadbeef000"]);
        await using var second = await NetworkingHost.StartAsync(fixture.Environment, hostId, restarted, settings);

        Assert.Equal(["pbr-" + userId[..11], "pf-test0"], restarted.Ensured.Select(p => p.Bridge).Order(StringComparer.Ordinal));
        Assert.Equal("pbr-" + goneId[..11], Assert.Single(restarted.Removed).Bridge);
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetJsonAsync("/networks/survivor")).Status);
    }
}
