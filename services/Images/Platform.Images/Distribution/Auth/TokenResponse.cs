using System.Text.Json.Serialization;

namespace Platform.Images.Distribution.Auth;

/// <summary>The token endpoint's answer: <c>token</c> and/or <c>access_token</c>, <c>expires_in</c> seconds.</summary>
internal sealed class TokenResponse
{
    [JsonPropertyName("token")] public string? Token { get; set; }
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_in")] public long? ExpiresIn { get; set; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; set; }
    [JsonPropertyName("details")] public string? Details { get; set; }

    /// <summary>Docker clamps lifetimes under 60 s (and a missing one) to 60 s.</summary>
    public TimeSpan Lifetime => TimeSpan.FromSeconds(ExpiresIn is { } s && s >= 60 ? s : 60);
}
