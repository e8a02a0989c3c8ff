using System.Security.Cryptography;
using System.Text;

namespace Platform.Events.Webhooks.Sending;

/// <summary>
/// Standard Webhooks signing: webhook-signature = "v1," + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")). A secret
/// written "whsec_&lt;base64&gt;" is that key's base64, as the Standard Webhooks libraries generate it; any other secret
/// is used as its UTF-8 bytes.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static byte[] Key(string secret) =>
        secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? Convert.FromBase64String(secret[SecretPrefix.Length..]) : Encoding.UTF8.GetBytes(secret);

    public static string Sign(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
