namespace Vigil.VulnDb.Versions.Internal;

/// <summary>Text helpers shared by the version schemes: digit-run comparison and parse errors.</summary>
internal static class VersionText
{
    /// <summary>Longest accepted version string; real versions are far shorter, so longer text is hostile or garbage.</summary>
    public const int MaxLength = 1024;

    /// <summary>Checks what every scheme rejects: empty or overlong text. Returns the reason, or null.</summary>
    public static string? CheckLength(string text) => text.Length switch
    {
        0 => "it is empty",
        > MaxLength => $"it is longer than {MaxLength} characters",
        _ => null,
    };

    /// <summary>The exception <c>Parse</c> throws, quoting a bounded prefix of the input.</summary>
    public static FormatException Invalid(string schemeName, string text, string reason) =>
        new($"'{Quote(text)}' is not a valid {schemeName} version: {reason}.");

    /// <summary>
    /// Checks dot-separated identifiers of [0-9A-Za-z-] (SemVer pre-release and build metadata, NuGet release labels):
    /// none empty and, where <paramref name="numericNoLeadingZero"/>, no numeric one with a leading zero. Returns the
    /// reason, or null.
    /// </summary>
    public static string? CheckDotIdentifiers(ReadOnlySpan<char> part, string what, bool numericNoLeadingZero)
    {
        foreach (var range in part.Split('.'))
        {
            var id = part[range];
            if (id.IsEmpty)
            {
                return $"the {what} has an empty identifier";
            }

            foreach (var c in id)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return $"invalid character '{c}' in the {what}";
                }
            }

            if (numericNoLeadingZero && id.Length > 1 && id[0] == '0' && IsAllDigits(id))
            {
                return $"the numeric {what} identifier '{id}' has a leading zero";
            }
        }

        return null;
    }

    /// <summary>Compares two runs of ASCII digits numerically, of any length (leading zeros ignored).</summary>
    public static int CompareDigits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = TrimLeadingZeros(a);
        b = TrimLeadingZeros(b);
        if (a.Length != b.Length)
        {
            return a.Length < b.Length ? -1 : 1;
        }

        return Math.Sign(a.SequenceCompareTo(b));
    }

    /// <summary>A digit run without its leading zeros (empty for zero).</summary>
    public static ReadOnlySpan<char> TrimLeadingZeros(ReadOnlySpan<char> digits) => digits.TrimStart('0');

    /// <summary>Whether every character is an ASCII digit (false for empty).</summary>
    public static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        // A plain loop: identifiers are short, and this stays allocation-free in every build configuration.
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }

    /// <summary>Parses a digit run into <paramref name="value"/>; false on overflow or non-digits.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c) || value > (ulong.MaxValue - (ulong)(c - '0')) / 10)
            {
                return false;
            }

            value = (value * 10) + (ulong)(c - '0');
        }

        return true;
    }

    /// <summary>Length of the run of ASCII digits starting at <paramref name="start"/>.</summary>
    public static int DigitRun(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }

    private static string Quote(string text)
    {
        const int Shown = 80;
        var shown = text.Length > Shown ? string.Concat(text.AsSpan(0, Shown), "…") : text;
        // Control characters would garble logs; show them escaped.
        return shown.Any(char.IsControl)
            ? string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))
            : shown;
    }
}
