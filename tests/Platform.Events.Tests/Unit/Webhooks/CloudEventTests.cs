using System.Text.Json;
using Platform.Events.StateLog;
using Platform.Events.Webhooks.Sending;
using Xunit;

namespace Platform.Events.Tests.Unit.Webhooks;

public sealed class CloudEventTests
{
    [Fact]
    public void An_entry_becomes_a_cloud_event_with_the_docker_event_as_data()
    {
        var id = Guid.NewGuid();
        var entry = new LogEntry(id, 77, "container:abc", "container", "exec_start: sh -c true", "host-1", "runtime", "abc",
            new Dictionary<string, string> { ["name"] = "web", ["image"] = "busybox" }, new DateTimeOffset(2026, 11, 30, 8, 9, 10, 123, TimeSpan.Zero));

        var json = JsonDocument.Parse(CloudEvent.Serialize(entry)).RootElement;

        Assert.Equal("1.0", json.GetProperty("specversion").GetString());
        Assert.Equal(id.ToString(), json.GetProperty("id").GetString());
        Assert.Equal("/hosts/host-1/runtime", json.GetProperty("source").GetString());
        Assert.Equal("platform.container.exec_start", json.GetProperty("type").GetString());
        Assert.Equal("container/abc", json.GetProperty("subject").GetString());
        Assert.Equal("2026-11-30T08:09:10.1230000Z", json.GetProperty("time").GetString());
        Assert.Equal("application/json", json.GetProperty("datacontenttype").GetString());
        Assert.Equal(77, json.GetProperty("position").GetInt64());
        var data = json.GetProperty("data");
        Assert.Equal("exec_start: sh -c true", data.GetProperty("Action").GetString());
        Assert.Equal("web", data.GetProperty("Actor").GetProperty("Attributes").GetProperty("name").GetString());
        Assert.Equal(1796026150123000000, data.GetProperty("timeNano").GetInt64());
    }
}
