using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Tests.Support;

namespace Platform.Images.Distribution.Tests.Integration;

public sealed class HtpasswdRegistry : IAsyncLifetime
{
    public const string User = "alice";
    public const string Password = "s3cret-pw";

    public RegistryServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RegistryServer.StartAsync(User, Password);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>A docker-registry with htpasswd (bcrypt) Basic auth.</summary>
public sealed class BasicAuthTests(HtpasswdRegistry registry) : IClassFixture<HtpasswdRegistry>, IDisposable
{
    readonly Harness _harness = new();
    static readonly RegistryCredentials Alice = new(HtpasswdRegistry.User, HtpasswdRegistry.Password);

    RemoteReference Ref(string repository) => new(registry.Server.Host, repository, "latest");

    [Fact]
    public async Task The_right_credentials_push_and_pull()
    {
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store);
        var target = Ref(Harness.Repo("basic"));

        await _harness.PushAsync(store, target, image.Manifest, Alice);
        var pulled = await _harness.PullAsync(_harness.NewStore(), target, Alice);

        Assert.Equal(image.Manifest, pulled.Digest);
    }

    [Fact]
    public async Task Credentials_decoded_from_the_docker_header_work()
    {
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, layers: 1);
        var target = Ref(Harness.Repo("header"));
        var header = RegistryAuthHeader.Encode(Alice with { ServerAddress = registry.Server.Host });

        await _harness.PushAsync(store, target, image.Manifest, RegistryAuthHeader.Decode(header));
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_before_any_push_output()
    {
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, layers: 1);
        var progress = new RecordingProgress();

        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() =>
            _harness.PushAsync(store, Ref(Harness.Repo("wrong")), image.Manifest, Alice with { Password = "nope" }, progress));

        Assert.Equal((401, "unauthorized: authentication required"), (error.StatusCode, error.Message));
        Assert.Empty(progress.Messages);
    }

    [Fact]
    public async Task Anonymous_pulls_are_unauthorized()
    {
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() =>
            _harness.PullAsync(_harness.NewStore(), Ref(Harness.Repo("anon"))));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(RegistryError.Unauthorized, error.Code);
    }

    public void Dispose() => _harness.Dispose();
}
