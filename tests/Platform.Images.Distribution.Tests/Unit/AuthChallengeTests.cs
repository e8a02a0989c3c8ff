using Platform.Images.Distribution.Auth;

namespace Platform.Images.Distribution.Tests.Unit;

public sealed class AuthChallengeTests
{
    [Fact]
    public void A_bearer_challenge_gives_realm_service_and_scopes()
    {
        var challenge = Assert.Single(AuthChallenge.Parse(
            """Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push repository:c:pull",error="insufficient_scope" """));

        Assert.True(challenge.IsBearer);
        Assert.Equal(("https://auth.example/token", "registry.example", "insufficient_scope"), (challenge.Realm, challenge.Service, challenge.Error));
        Assert.Equal(["repository:a/b:pull,push", "repository:c:pull"], challenge.Scopes);
    }

    [Fact]
    public void Several_challenges_in_one_header_and_escapes_in_quoted_values_parse()
    {
        var challenges = AuthChallenge.Parse("""Basic realm="say \"hi\"", Bearer realm=https://t/x ,service=s""");

        Assert.Equal(2, challenges.Count);
        Assert.Equal(("Basic", "say \"hi\""), (challenges[0].Scheme, challenges[0].Realm));
        Assert.Equal(("Bearer", "https://t/x", "s"), (challenges[1].Scheme, challenges[1].Realm, challenges[1].Service));
        Assert.Empty(challenges[1].Scopes);
    }

    [Fact]
    public void Parameter_names_are_case_insensitive() =>
        Assert.Equal("r", Assert.Single(AuthChallenge.Parse("bearer Realm=\"r\"")).Realm);
}
