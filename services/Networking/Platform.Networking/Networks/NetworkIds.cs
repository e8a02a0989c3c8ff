using System.Security.Cryptography;
using System.Text;

namespace Platform.Networking.Networks;

/// <summary>Docker-style network ids: 64 lowercase hex characters.</summary>
public static class NetworkIds
{
    /// <summary>A fresh random id, for networks users create.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The same id on every start of the same host, so ensuring a predefined network is idempotent.</summary>
    public static string Predefined(string hostId, string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"platform/predefined-network\n{hostId}\n{name}")));
}
