using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Vigil.Gates.RegistryWebhook;

/// <summary>
/// Checks a webhook call against the shared secret: a bearer token, or an HMAC-SHA256 signature of the body. Both
/// comparisons take constant time, so response timing reveals nothing about the secret.
/// </summary>
public sealed class WebhookAuthenticator
{
    private readonly byte[]? tokenHash;
    private readonly byte[]? hmacKey;
    private readonly string signatureHeader;

    /// <summary>Creates the authenticator; at least one secret must be configured (an open push gate would promote anything).</summary>
    public WebhookAuthenticator(IOptions<RegistryWebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        if (string.IsNullOrEmpty(value.BearerToken) && string.IsNullOrEmpty(value.HmacSecret))
        {
            throw new InvalidOperationException("The registry gate needs a bearer token or an HMAC secret; refusing to accept unauthenticated events.");
        }

        tokenHash = string.IsNullOrEmpty(value.BearerToken) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(value.BearerToken));
        hmacKey = string.IsNullOrEmpty(value.HmacSecret) ? null : Encoding.UTF8.GetBytes(value.HmacSecret);
        signatureHeader = value.SignatureHeader;
    }

    /// <summary>Whether the request carries a valid token or signature for <paramref name="body"/>.</summary>
    public bool IsAuthentic(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (tokenHash is not null && headers.Authorization.ToString() is { Length: > 7 } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Hash first: FixedTimeEquals needs equal lengths, and the length of the secret must not leak either.
            var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[7..].Trim()));
            if (CryptographicOperations.FixedTimeEquals(presented, tokenHash))
            {
                return true;
            }
        }

        if (hmacKey is not null && headers[signatureHeader].ToString() is { Length: > 0 } signature)
        {
            var hex = signature.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? signature[7..] : signature;
            if (hex.Length != 64)
            {
                return false;
            }

            byte[] presented;
            try
            {
                presented = Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                return false;
            }

            return CryptographicOperations.FixedTimeEquals(presented, HMACSHA256.HashData(hmacKey, body));
        }

        return false;
    }

    /// <summary>The signature header value a sender computes for <paramref name="body"/> (for senders and tests).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
