using Vigil.VulnDb.Versions.Internal;

namespace Vigil.VulnDb.Versions.Packagist;

/// <summary>One dot-separated part of a version as PHP's <c>version_compare</c> sees it: a number or a "special form".</summary>
internal readonly record struct PhpVersionPart(string Digits, int Order)
{
    // version_compare's special forms, matched as prefixes in this order: dev < alpha = a < beta = b < RC = rc < # < pl = p;
    // any other text is -1. A number counts as "#" (4) against text.
    private static readonly (string Prefix, int Order)[] SpecialForms =
        [("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", 4), ("pl", 5), ("p", 5)];

    /// <summary>The order of a number against text, and of "nothing left" against text.</summary>
    public const int NumberOrder = 4;

    public bool IsNumber => Order == NumberOrder && Digits.Length > 0;

    public static PhpVersionPart Create(string part)
    {
        if (char.IsAsciiDigit(part[0]))
        {
            // strtol reads the leading digits; canonicalization has already split digits from letters.
            return new PhpVersionPart(part.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0", NumberOrder);
        }

        foreach (var (prefix, order) in SpecialForms)
        {
            if (part.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new PhpVersionPart(string.Empty, order);
            }
        }

        return new PhpVersionPart(string.Empty, -1);
    }

    /// <summary>Splits a version the way <c>php_canonicalize_version</c> does: at <c>- _ +</c>, other punctuation, and
    /// between digits and non-digits.</summary>
    public static PhpVersionPart[] Split(string version)
    {
        var parts = new List<PhpVersionPart>();
        var start = 0;
        for (var i = 1; i <= version.Length; i++)
        {
            var boundary = i == version.Length
                || !char.IsAsciiLetterOrDigit(version[i])
                || char.IsAsciiDigit(version[i]) != char.IsAsciiDigit(version[i - 1]);
            if (!boundary)
            {
                continue;
            }

            if (i > start && char.IsAsciiLetterOrDigit(version[start]))
            {
                parts.Add(Create(version[start..i]));
            }

            start = i < version.Length && !char.IsAsciiLetterOrDigit(version[i]) ? i + 1 : i;
        }

        return [.. parts];
    }

    /// <summary>PHP's <c>version_compare</c> on split versions.</summary>
    public static int Compare(PhpVersionPart[] a, PhpVersionPart[] b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            var result = a[i].IsNumber && b[i].IsNumber
                ? VersionText.CompareDigits(a[i].Digits, b[i].Digits)
                : a[i].Order.CompareTo(b[i].Order);
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        // The first extra part decides: a number makes its side later, text compares with "#".
        if (a.Length != b.Length)
        {
            var longer = a.Length > b.Length ? a[b.Length] : b[a.Length];
            var sign = longer.IsNumber ? 1 : Math.Sign(longer.Order.CompareTo(NumberOrder));
            return a.Length > b.Length ? sign : -sign;
        }

        return 0;
    }
}
