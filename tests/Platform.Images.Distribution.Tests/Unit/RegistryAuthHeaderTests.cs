using System.Text;
using Platform.Images.Distribution.Auth;

namespace Platform.Images.Distribution.Tests.Unit;

public sealed class RegistryAuthHeaderTests
{
    const string Json = """{"username":"alice","password":"??>>~~","serveraddress":"localhost:5000"}""";

    static string Std(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    static string Url(string text) => Std(text).Replace('+', '-').Replace('/', '_');

    public static TheoryData<string> Encodings()
    {
        // this JSON's base64 has '+' and '/' (so the two alphabets differ) and '=' padding
        Assert.Matches("[+/].*=$", Std(Json));
        return new TheoryData<string> { Url(Json), Url(Json).TrimEnd('='), Std(Json), Std(Json).TrimEnd('='), " " + Url(Json) + "\n" };
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Base64url_and_standard_padded_or_not_all_decode(string header)
    {
        var credentials = RegistryAuthHeader.Decode(header);

        Assert.Equal(("alice", "??>>~~", "localhost:5000"), (credentials.Username, credentials.Password, credentials.ServerAddress));
        Assert.False(credentials.IsAnonymous);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("e30=")] // {}
    [InlineData("not base64 at all!")]
    [InlineData("bnVsbA==")] // null
    [InlineData("WzEsMl0=")] // [1,2]
    [InlineData("eyJ1c2VybmFtZSI6")] // truncated JSON
    public void Empty_or_undecodable_headers_are_anonymous(string? header) =>
        Assert.True(RegistryAuthHeader.Decode(header).IsAnonymous);

    [Fact]
    public void Tokens_and_the_auth_field_are_understood_and_keys_are_case_insensitive()
    {
        var identity = RegistryAuthHeader.Decode(Url("""{"IdentityToken":"refresh-me","ServerAddress":"reg"}"""));
        var registry = RegistryAuthHeader.Decode(Url("""{"registrytoken":"bearer-me"}"""));
        var auth = RegistryAuthHeader.Decode(Url($$"""{"auth":"{{Std("bob:pa:ss")}}"}"""));

        Assert.Equal(("refresh-me", "reg"), (identity.IdentityToken, identity.ServerAddress));
        Assert.Equal("bearer-me", registry.RegistryToken);
        Assert.Equal(("bob", "pa:ss"), (auth.Username, auth.Password));
    }

    [Fact]
    public void Encode_round_trips_and_never_prints_secrets()
    {
        var credentials = new RegistryCredentials("alice", "secret", "localhost:5000");

        var decoded = RegistryAuthHeader.Decode(RegistryAuthHeader.Encode(credentials));

        Assert.Equal(credentials, decoded);
        Assert.DoesNotContain("secret", decoded.ToString());
    }
}
