using System.Net;
using Platform.Images.Distribution.Errors;

namespace Platform.Images.Distribution.Tests.Unit;

public sealed class RegistryErrorsTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"x"}}]}""", 404, "manifest unknown: manifest unknown")]
    [InlineData(HttpStatusCode.NotFound, """{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}""", 404, "name unknown: repository name not known to registry")]
    [InlineData(HttpStatusCode.Unauthorized, """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}""", 401, "unauthorized: authentication required")]
    [InlineData(HttpStatusCode.Forbidden, """{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}""", 403, "denied: requested access to the resource is denied")]
    [InlineData(HttpStatusCode.BadRequest, """{"errors":[{"code":"MANIFEST_BLOB_UNKNOWN","message":"blob unknown to registry"},{"code":"MANIFEST_BLOB_UNKNOWN","message":"again"}]}""", 500, "manifest blob unknown: blob unknown to registry; manifest blob unknown: again")]
    [InlineData(HttpStatusCode.BadGateway, "<html>oops</html>", 500, "received unexpected HTTP status: 502 Bad Gateway")]
    [InlineData(HttpStatusCode.Unauthorized, "", 401, "received unexpected HTTP status: 401 Unauthorized")]
    public void Registry_error_bodies_become_docker_style_messages_and_statuses(HttpStatusCode status, string body, int suggested, string message)
    {
        var error = RegistryErrors.FromBody(status, body);

        Assert.Equal((suggested, message), (error.StatusCode, error.Message));
        Assert.Equal(suggested == 401, error is RegistryAuthenticationException);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    public void Only_overload_and_server_failures_are_worth_retrying(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, RegistryErrors.FromBody(status, "").IsTransient);
}
