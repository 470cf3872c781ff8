using System.Text.RegularExpressions;

namespace Vigil.VulnDb.Versions.Pep440;

/// <summary>The version pattern published in PEP 440's appendix (as used by <c>packaging</c>), case-insensitive.</summary>
internal static partial class Pep440Syntax
{
    [GeneratedRegex(
        """
        ^\s*v?
        (?:(?<epoch>[0-9]+)!)?
        (?<release>[0-9]+(?:\.[0-9]+)*)
        (?<pre>[-_.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pre_n>[0-9]+)?)?
        (?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?))?
        (?<dev>[-_.]?(?<dev_l>dev)[-_.]?(?<dev_n>[0-9]+)?)?
        (?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
        \s*$
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    public static partial Regex Version();
}
