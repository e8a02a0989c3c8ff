namespace Platform.Images.Distribution.Tests.Unit;

public sealed class RegistryEndpointTests
{
    [Theory]
    [InlineData("localhost:5000", "http://localhost:5000/")]
    [InlineData("localhost", "http://localhost/")]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("127.3.4.5", "http://127.3.4.5/")]
    [InlineData("[::1]:5000", "http://[::1]:5000/")]
    [InlineData("registry.example.com", "https://registry.example.com/")]
    [InlineData("10.0.0.8:5000", "https://10.0.0.8:5000/")]
    [InlineData("docker.io", "https://registry-1.docker.io/")]
    [InlineData("index.docker.io", "https://registry-1.docker.io/")]
    public void Loopback_registries_are_plain_http_and_the_rest_https(string registry, string baseUri)
    {
        var endpoint = RegistryEndpoint.Resolve(registry, []);

        Assert.Equal(baseUri, endpoint.BaseUri.ToString());
        Assert.False(endpoint.SkipTlsVerify);
    }

    [Fact]
    public void Docker_hub_is_named_docker_io_and_keyed_by_the_index_url()
    {
        var endpoint = RegistryEndpoint.Resolve("registry-1.docker.io", []);

        Assert.Equal(("docker.io", "https://index.docker.io/v1/"), (endpoint.Name, endpoint.AuthKey));
        Assert.Equal("localhost:5000", RegistryEndpoint.Resolve("localhost:5000", []).AuthKey);
    }

    [Theory]
    [InlineData("registry.lan:5000", "registry.lan:5000")]
    [InlineData("registry.lan:5000", "registry.lan")]
    [InlineData("registry.lan:5000", "http://registry.lan:5000/")]
    [InlineData("10.1.2.3:5000", "10.0.0.0/8")]
    public void Listed_insecure_registries_try_unverified_https_then_http(string registry, string entry)
    {
        var endpoint = RegistryEndpoint.Resolve(registry, [entry]);

        Assert.Equal(("https", true, true), (endpoint.Scheme, endpoint.SkipTlsVerify, endpoint.FallbackToHttp));
        Assert.Equal("http", endpoint.AsPlainHttp().Scheme);
    }

    [Theory]
    [InlineData("registry.lan:5000", "other.lan")]
    [InlineData("11.1.2.3", "10.0.0.0/8")]
    public void Registries_not_listed_stay_verified(string registry, string entry) =>
        Assert.False(RegistryEndpoint.Resolve(registry, [entry]).SkipTlsVerify);

    [Theory]
    [InlineData("docker.io", "library/busybox", "latest", "busybox:latest", "busybox")]
    [InlineData("docker.io", "library/a/b", "1", "library/a/b:1", "library/a/b")]
    [InlineData("docker.io", "user/app", null, "user/app:latest", "user/app")]
    [InlineData("localhost:5000", "app", "v1", "localhost:5000/app:v1", "localhost:5000/app")]
    public void References_print_in_docker_familiar_form(string registry, string repository, string? tag, string familiar, string name)
    {
        var reference = new RemoteReference(registry, repository, tag);

        Assert.Equal((familiar, name), (reference.Familiar, reference.FamiliarName));
    }
}
