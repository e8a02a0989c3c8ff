using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Platform.Images.Content;

/// <summary>A content address: "sha256:" and 64 lowercase hex digits (the only algorithm the store accepts).</summary>
public readonly record struct Digest
{
    public const string Sha256 = "sha256";

    Digest(string hex) => Hex = hex;

    public string Hex { get; }
    public string Algorithm => Sha256;

    public static Digest Parse(string text) =>
        TryParse(text, out var digest) ? digest : throw new FormatException($"invalid digest \"{text}\"");

    public static bool TryParse([NotNullWhen(true)] string? text, out Digest digest)
    {
        digest = default;
        if (text is null || !text.StartsWith("sha256:", StringComparison.Ordinal) || text.Length != 7 + 64) return false;
        var hex = text.AsSpan(7);
        foreach (var c in hex)
            if (!char.IsAsciiDigit(c) && c is < 'a' or > 'f') return false;
        digest = new Digest(hex.ToString());
        return true;
    }

    public static Digest FromHash(ReadOnlySpan<byte> sha256) => new(Convert.ToHexStringLower(sha256));

    public static Digest Of(ReadOnlySpan<byte> content) => FromHash(SHA256.HashData(content));

    /// <summary>The 12-character short id Docker prints.</summary>
    public string Short => Hex[..12];

    public override string ToString() => Hex is null ? "" : $"{Sha256}:{Hex}";
}
