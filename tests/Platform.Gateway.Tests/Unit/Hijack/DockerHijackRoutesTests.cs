using System.Buffers;
using System.Text;
using Platform.ServiceDefaults.Hijack;
using Xunit;

namespace Platform.Gateway.Tests.Unit.Hijack;

public sealed class DockerHijackRoutesTests
{
    [Theory]
    [InlineData("POST", "/containers/4f1c/attach?stream=1", true)]
    [InlineData("POST", "/v1.51/containers/4f1c/attach", true)]
    [InlineData("POST", "/v1.44/exec/e1/start", true)]
    [InlineData("POST", "/exec/e1/start", true)]
    [InlineData("POST", "/v1.51/_platform/echo", true)]
    [InlineData("POST", "/_platform/echo", true)]
    [InlineData("GET", "/containers/4f1c/attach/ws", false)]
    [InlineData("GET", "/v1.51/exec/e1/start", false)]
    [InlineData("POST", "/v1.51/exec/e1/resize", false)]
    [InlineData("POST", "/v1.51/containers/4f1c/start", false)]
    [InlineData("POST", "/vx/containers/4f1c/attach", false)]
    [InlineData("POST", "/containers//attach", false)]
    [InlineData("POST", "/v1.51/containers/json", false)]
    public void Attach_exec_start_and_the_echo_are_hijacked(string method, string target, bool hijack)
    {
        RawRequestHeadParser.TryParse(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\n\r\n")), out var head);

        Assert.Equal(hijack, DockerHijackRoutes.IsHijack(head!));
    }
}
