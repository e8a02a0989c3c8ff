using System.Web;
using Platform.Images.Distribution.Auth;
using Platform.Images.Distribution.Errors;
using Platform.Images.Distribution.Tests.Support;

namespace Platform.Images.Distribution.Tests.Integration;

/// <summary>Token auth: a Bearer-challenging proxy with its own token realm in front of a real registry.</summary>
public sealed class BearerAuthTests(PlainRegistry registry) : IClassFixture<PlainRegistry>, IDisposable
{
    readonly Harness _harness = new();
    static readonly RegistryCredentials Bob = new("bob", "hunter2");

    RegistryProxy Proxy(bool accessTokenOnly = false) =>
        new(registry.Server.Host) { RequireToken = true, Account = ("bob", "hunter2"), AccessTokenOnly = accessTokenOnly };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Push_and_pull_trade_credentials_for_scoped_tokens(bool accessTokenOnly)
    {
        await using var proxy = Proxy(accessTokenOnly);
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store);
        var target = new RemoteReference(proxy.Host, Harness.Repo("bearer"), "latest");

        await _harness.PushAsync(store, target, image.Manifest, Bob);
        var pulled = await _harness.PullAsync(_harness.NewStore(), target); // anonymous pulls are granted

        Assert.Equal(image.Manifest, pulled.Digest);
        var tokens = proxy.TokenRequests.ToList();
        var push = HttpUtility.ParseQueryString(tokens[0].Query);
        Assert.Equal(("test-registry", $"repository:{target.Repository}:pull,push", "bob"), (push["service"], push["scope"], push["account"]));
        Assert.StartsWith("Basic ", tokens[0].Authorization);
        var pull = HttpUtility.ParseQueryString(tokens[^1].Query);
        Assert.Equal(($"repository:{target.Repository}:pull", null), (pull["scope"], tokens[^1].Authorization));
        Assert.All(proxy.Requests.Where(r => r.Path != "/v2/"), r => Assert.StartsWith("Bearer opaque-", r.Authorization ?? "Bearer opaque-"));
    }

    [Fact]
    public async Task Tokens_are_cached_per_scope_and_challenges_remembered()
    {
        await using var proxy = Proxy();
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, layers: 3);
        var target = new RemoteReference(proxy.Host, Harness.Repo("cached"), "latest");
        await _harness.PushAsync(store, target, image.Manifest, Bob);
        var before = proxy.TokenRequests.Count;

        await _harness.PullAsync(_harness.NewStore(), target, Bob);
        await _harness.PullAsync(_harness.NewStore(), target, Bob);

        Assert.Equal(before + 1, proxy.TokenRequests.Count); // one pull-scope token for both pulls
        Assert.Equal(1, proxy.Requests.Count(r => r.Authorization is null)); // only the very first request went anonymous
    }

    [Fact]
    public async Task A_wrong_password_at_the_token_endpoint_is_a_401()
    {
        await using var proxy = Proxy();
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, layers: 1);
        var progress = new RecordingProgress();

        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => _harness.PushAsync(store,
            new RemoteReference(proxy.Host, Harness.Repo("badpw"), "latest"), image.Manifest, Bob with { Password = "x" }, progress));

        Assert.Equal((401, "unauthorized: incorrect username or password"), (error.StatusCode, error.Message));
        Assert.Empty(progress.Messages);
    }

    [Fact]
    public async Task An_anonymous_push_is_unauthorized()
    {
        await using var proxy = Proxy();
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, layers: 1);

        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() =>
            _harness.PushAsync(store, new RemoteReference(proxy.Host, Harness.Repo("anonpush"), "latest"), image.Manifest));

        Assert.Equal((401, "unauthorized: authentication required"), (error.StatusCode, error.Message));
    }

    [Fact]
    public async Task An_identity_token_is_traded_with_an_oauth_refresh_grant()
    {
        await using var proxy = new RegistryProxy(registry.Server.Host) { RequireToken = true, RefreshToken = "refresh-bob" };
        var store = _harness.NewStore();
        var image = await TestImages.BuildAsync(store, layers: 1);
        var target = new RemoteReference(proxy.Host, Harness.Repo("identity"), "latest");

        await _harness.PushAsync(store, target, image.Manifest, new RegistryCredentials(IdentityToken: "refresh-bob"));

        var form = HttpUtility.ParseQueryString(proxy.TokenRequests.Single().Query);
        Assert.Equal(("refresh_token", "docker", "test-registry", $"repository:{target.Repository}:pull,push"),
            (form["grant_type"], form["client_id"], form["service"], form["scope"]));
    }

    [Fact]
    public async Task A_registry_token_from_the_header_is_sent_as_is()
    {
        await using var proxy = Proxy();
        var error = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => _harness.PullAsync(_harness.NewStore(),
            new RemoteReference(proxy.Host, Harness.Repo("rt"), "latest"), new RegistryCredentials(RegistryToken: "made-up")));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("Bearer made-up", proxy.Requests.Single().Authorization);
        Assert.Empty(proxy.TokenRequests);
    }

    public void Dispose() => _harness.Dispose();
}
