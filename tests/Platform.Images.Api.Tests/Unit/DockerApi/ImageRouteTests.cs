using Platform.Images.DockerApi;

namespace Platform.Images.Api.Tests.Unit.DockerApi;

/// <summary>Names keep their "/", ":" and "@": {name} is matched greedily up to the final fixed suffix.</summary>
public sealed class ImageRouteTests
{
    const string Digest = "sha256:7c1a5aa5b5f0a2b4e5c8f6b8b39c3a5f0b1b7e3f2c5a1d6e8f9a0b1c2d3e4f5a";

    [Theory]
    [InlineData("GET", "json", ImageOperation.List, null)]
    [InlineData("GET", "get", ImageOperation.SaveMany, null)]
    [InlineData("POST", "create", ImageOperation.Create, null)]
    [InlineData("POST", "load", ImageOperation.Load, null)]
    [InlineData("POST", "prune", ImageOperation.Prune, null)]
    [InlineData("GET", "busybox/json", ImageOperation.Inspect, "busybox")]
    [InlineData("GET", "localhost:5000/app/json", ImageOperation.Inspect, "localhost:5000/app")]
    [InlineData("GET", "testcontainers/ryuk:0.14.0@" + Digest + "/json", ImageOperation.Inspect, "testcontainers/ryuk:0.14.0@" + Digest)]
    [InlineData("GET", "json/json", ImageOperation.Inspect, "json")]
    [InlineData("GET", "a/b/c:d/history", ImageOperation.History, "a/b/c:d")]
    [InlineData("GET", "busybox:latest/get", ImageOperation.SaveOne, "busybox:latest")]
    [InlineData("POST", "localhost:5000/app/push", ImageOperation.Push, "localhost:5000/app")]
    [InlineData("POST", "busybox:imp/tag", ImageOperation.Tag, "busybox:imp")]
    [InlineData("DELETE", "localhost:5000/app:1", ImageOperation.Remove, "localhost:5000/app:1")]
    [InlineData("DELETE", "sha256:abc", ImageOperation.Remove, "sha256:abc")]
    public void Routes(string method, string path, ImageOperation operation, string? name) =>
        Assert.Equal(new ImageRoute(operation, name), ImageRoute.Match(method, path));

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/json")]
    [InlineData("GET", "busybox")]
    [InlineData("PUT", "busybox/json")]
    [InlineData("POST", "busybox/json")]
    [InlineData("DELETE", "")]
    public void Anything_else_is_page_not_found(string method, string path) => Assert.Null(ImageRoute.Match(method, path));
}
