namespace Platform.Images.Distribution;

/// <summary>
/// The one registry with special naming: references say <c>docker.io</c>, the API lives at
/// <c>registry-1.docker.io</c>, and clients key its credentials by the legacy index URL. Nowhere else names a registry host.
/// </summary>
public static class DockerHub
{
    public const string Domain = "docker.io";
    public const string ApiHost = "registry-1.docker.io";
    public const string AuthKey = "https://index.docker.io/v1/";
    public const string OfficialNamespace = "library";

    static readonly string[] Aliases = [Domain, "index.docker.io", ApiHost];

    public static bool Is(string registry) =>
        Aliases.Any(alias => string.Equals(alias, registry, StringComparison.OrdinalIgnoreCase));
}
