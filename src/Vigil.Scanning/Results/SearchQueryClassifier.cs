using System.Text.RegularExpressions;

namespace Vigil.Scanning.Results;

/// <summary>Guesses what a search query names from its shape.</summary>
public static partial class SearchQueryClassifier
{
    /// <summary>
    /// <c>CVE-…</c>, <c>GHSA-…</c> and other advisory ids (an upper-case prefix, a dash, then a digit or a GHSA block) are
    /// vulnerabilities; anything with <c>/</c>, <c>:</c> or <c>@</c> is an image; the rest is a package name.
    /// </summary>
    public static SearchKind Classify(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var trimmed = query.Trim();
        if (VulnerabilityId().IsMatch(trimmed))
        {
            return SearchKind.Vulnerability;
        }

        return trimmed.AsSpan().IndexOfAny('/', ':', '@') >= 0 ? SearchKind.Image : SearchKind.Package;
    }

    [GeneratedRegex(@"^(?:(?i:CVE-\d{4}-\d{4,})|(?i:GHSA(?:-[0-9a-z]{4}){3})|[A-Z][A-Z0-9]{1,15}-\d[0-9A-Za-z.:-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex VulnerabilityId();
}
