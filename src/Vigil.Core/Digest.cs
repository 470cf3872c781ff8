using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Vigil.Core;

/// <summary>
/// A content digest such as <c>sha256:9f86d0…</c>, the immutable identity of a manifest, config or layer blob.
/// </summary>
/// <remarks>Only <c>sha256</c> and <c>sha512</c> are accepted; the hex part is lower case and of the algorithm's length.</remarks>
public readonly record struct Digest
{
    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    /// <summary>The algorithm, <c>sha256</c> or <c>sha512</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The lower-case hex encoding of the hash.</summary>
    public string Hex { get; }

    /// <summary>Parses <c>algorithm:hex</c>, throwing <see cref="FormatException"/> with the reason when it is not a digest.</summary>
    public static Digest Parse(string value)
    {
        return TryParse(value, out var digest, out var error) ? digest : throw new FormatException(error);
    }

    /// <summary>Parses <c>algorithm:hex</c> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Digest digest) => TryParse(value, out digest, out _);

    private static bool TryParse(string? value, out Digest digest, out string error)
    {
        digest = default;
        if (string.IsNullOrEmpty(value))
        {
            error = "A digest is empty.";
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            error = $"'{value}' is not a digest: expected 'sha256:<64 hex digits>'.";
            return false;
        }

        var algorithm = value[..colon];
        var hex = value[(colon + 1)..];
        var expectedLength = algorithm switch
        {
            "sha256" => 64,
            "sha512" => 128,
            _ => -1,
        };
        if (expectedLength < 0)
        {
            error = $"Digest algorithm '{algorithm}' is not supported (sha256, sha512).";
            return false;
        }

        if (hex.Length != expectedLength || !hex.All(static c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            error = $"'{value}' is not a valid {algorithm} digest: expected {expectedLength} lower-case hex digits.";
            return false;
        }

        digest = new Digest(algorithm, hex);
        error = string.Empty;
        return true;
    }

    /// <summary>The sha256 digest of <paramref name="content"/>.</summary>
    public static Digest Sha256(ReadOnlySpan<byte> content) =>
        new("sha256", Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>Builds a digest from an algorithm name and raw hash bytes.</summary>
    public static Digest FromHash(string algorithm, ReadOnlySpan<byte> hash) => Parse($"{algorithm}:{Convert.ToHexStringLower(hash)}");

    /// <summary>The first 12 hex digits, for people (as Docker shows image ids).</summary>
    public string Short => Hex.Length >= 12 ? Hex[..12] : Hex;

    /// <inheritdoc/>
    public override string ToString() => Algorithm is null ? string.Empty : $"{Algorithm}:{Hex}";
}
