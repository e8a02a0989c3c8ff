using System.Text.Json;

namespace Platform.Images.Distribution.Errors;

/// <summary>One entry of a registry error body <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
public sealed record RegistryError(string Code, string Message, JsonElement? Detail = null)
{
    public const string ManifestUnknown = "MANIFEST_UNKNOWN";
    public const string NameUnknown = "NAME_UNKNOWN";
    public const string BlobUnknown = "BLOB_UNKNOWN";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Denied = "DENIED";
    public const string TooManyRequests = "TOOMANYREQUESTS";

    /// <summary>
    /// As Docker prints it (distribution errcode): the code in lower case with spaces, then the message —
    /// <c>manifest unknown: manifest unknown</c>.
    /// </summary>
    public override string ToString()
    {
        var code = Code.Replace('_', ' ').ToLowerInvariant();
        return string.IsNullOrEmpty(Message) ? code : $"{code}: {Message}";
    }
}
