using Vigil.VulnDb.Versions;

namespace Vigil.VulnDb.Tests.Versions;

/// <summary>Assertions shared by the per-scheme ordering tables.</summary>
internal static class VersionAssert
{
    /// <summary>Checks that <paramref name="a"/> compares to <paramref name="b"/> with the expected sign, both ways and through every API.</summary>
    public static void Ordered<T>(string a, string b, int expected)
        where T : struct, IVersion<T>
    {
        var x = T.Parse(a);
        var y = T.Parse(b);
        Assert.True(expected == Math.Sign(x.CompareTo(y)), $"{a} vs {b}: expected {expected}, got {x.CompareTo(y)}");
        Assert.True(-expected == Math.Sign(y.CompareTo(x)), $"{b} vs {a}: expected {-expected}, got {y.CompareTo(x)}");
        Assert.Equal(expected == 0, x.Equals(y));
        Assert.Equal(expected == 0, x == y);
        Assert.Equal(expected != 0, x != y);
        Assert.Equal(expected < 0, x < y);
        Assert.Equal(expected <= 0, x <= y);
        Assert.Equal(expected > 0, x > y);
        Assert.Equal(expected >= 0, x >= y);
        if (expected == 0)
        {
            Assert.Equal(x.GetHashCode(), y.GetHashCode());
        }

        // The scheme-independent handle must agree with the struct.
        var comparer = VersionSchemes.Get(T.Scheme);
        Assert.Equal(expected, Math.Sign(comparer.Compare(a, b)));
        Assert.Equal(expected, Math.Sign(comparer.Parse(a).CompareTo(comparer.Parse(b))));
    }

    /// <summary>Checks that <paramref name="text"/> is rejected by every entry point, with a message naming the input.</summary>
    public static void Invalid<T>(string text, string expectedReason)
        where T : struct, IVersion<T>
    {
        Assert.False(T.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
        var exception = Assert.Throws<FormatException>(() => T.Parse(text));
        Assert.Contains(expectedReason, exception.Message, StringComparison.Ordinal);
        var comparer = VersionSchemes.Get(T.Scheme);
        Assert.False(comparer.IsValid(text));
        Assert.False(comparer.TryParse(text, out var handle));
        Assert.Null(handle);
        Assert.Throws<FormatException>(() => comparer.Compare(text, text));
    }

    /// <summary>Checks that <paramref name="text"/> parses and round-trips through <see cref="object.ToString"/>.</summary>
    public static T Valid<T>(string text)
        where T : struct, IVersion<T>
    {
        Assert.True(T.TryParse(text, out var parsed), $"'{text}' should parse");
        Assert.Equal(text, parsed.ToString());
        Assert.Equal(parsed, T.Parse(parsed.ToString()!));
        return parsed;
    }

    /// <summary>The inputs every scheme rejects.</summary>
    public static void RejectsCommonGarbage<T>()
        where T : struct, IVersion<T>
    {
        Assert.False(T.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => T.Parse(null!));
        Invalid<T>(string.Empty, "empty");
        Invalid<T>(new string('1', 5000), "longer than");
        Invalid<T>("1.0\u0000", "1.0\\u0000");
    }
}
