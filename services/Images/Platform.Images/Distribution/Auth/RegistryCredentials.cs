namespace Platform.Images.Distribution.Auth;

/// <summary>
/// What Docker's <c>X-Registry-Auth</c> carries. A <see cref="RegistryToken"/> is sent as-is as a bearer token;
/// an <see cref="IdentityToken"/> is an OAuth refresh token traded at the token endpoint; otherwise
/// username/password go to the token endpoint (Bearer registries) or on every request (Basic registries).
/// </summary>
public sealed record RegistryCredentials(
    string? Username = null, string? Password = null, string? ServerAddress = null,
    string? IdentityToken = null, string? RegistryToken = null)
{
    public static RegistryCredentials Anonymous { get; } = new();

    public bool IsAnonymous =>
        string.IsNullOrEmpty(Username) && string.IsNullOrEmpty(IdentityToken) && string.IsNullOrEmpty(RegistryToken);

    public bool HasPassword => !string.IsNullOrEmpty(Username) && Password is not null;

    /// <summary>Never print secrets.</summary>
    public override string ToString() => IsAnonymous ? "anonymous" : $"user {Username ?? "(token)"}";
}
