using System.Security.Cryptography;
using System.Text;

namespace Vigil.Web.Security;

/// <summary>Compares secrets without leaking, through timing, how much of them matched or how long they are.</summary>
internal static class TokenComparer
{
    /// <summary>Hashes both sides first so the comparison always runs over 32 bytes, then compares in constant time.</summary>
    public static bool FixedTimeEquals(string? presented, string expected)
    {
        if (presented is null)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>The session cookie's value for a token: a derived hash, so the cookie never holds the token itself.</summary>
    public static string CookieValue(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("vigil-session\n" + token)));
}
