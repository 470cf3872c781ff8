using System.Text.RegularExpressions;

namespace Vigil.VulnDb.Versions.Packagist;

/// <summary>
/// Composer's <c>VersionParser::normalize</c>: turns a version into Composer's four-part normalized form
/// (<c>v1.0-beta.2</c> → <c>1.0.0.0-beta2</c>), or explains why it cannot.
/// </summary>
/// <remarks>PCRE possessive quantifiers in Composer's patterns are written as .NET atomic groups.</remarks>
internal static partial class ComposerNormalizer
{
    private const string Modifier = @"[._-]?(?:(?<stability>stable|beta|b|RC|alpha|a|patch|pl|p)(?<number>(?>(?:[.-]?[0-9]+)*)))?(?<dev>[.-]?dev)?";

    /// <summary>Normalizes <paramref name="version"/>; returns null and sets <paramref name="error"/> when it is not a version.</summary>
    public static string? Normalize(string version, out string? error)
    {
        error = null;
        // PHP's trim() characters.
        version = version.Trim(' ', '\t', '\n', '\r', '\0', '\v');

        var alias = Alias().Match(version);
        if (alias.Success)
        {
            version = alias.Groups[1].Value;
        }

        var flag = StabilityFlag().Match(version);
        if (flag.Success)
        {
            version = version[..flag.Index];
        }

        if (version is "master" or "trunk" or "default" || version.StartsWith("dev-", StringComparison.OrdinalIgnoreCase))
        {
            error = "it is a development branch, which has no version order";
            return null;
        }

        var metadata = BuildMetadata().Match(version);
        if (metadata.Success)
        {
            version = metadata.Groups[1].Value;
        }

        string normalized;
        Match match;
        if ((match = Classical().Match(version)).Success)
        {
            normalized = match.Groups[1].Value
                + (match.Groups[2].Success ? match.Groups[2].Value : ".0")
                + (match.Groups[3].Success ? match.Groups[3].Value : ".0")
                + (match.Groups[4].Success ? match.Groups[4].Value : ".0");
        }
        else if ((match = DateBased().Match(version)).Success)
        {
            normalized = NonDigit().Replace(match.Groups[1].Value, ".");
        }
        else
        {
            var branch = DevSuffix().Match(version);
            if (branch.Success && NormalizeNumericBranch(branch.Groups[1].Value) is { } numericBranch)
            {
                return numericBranch;
            }

            error = version.Length == 0 ? "it is blank" : "it is not a Composer version (such as 1.2.3, v1.2.3-beta.1 or 2.x-dev)";
            return null;
        }

        var stability = match.Groups["stability"];
        if (stability.Success)
        {
            // Composer compares "stable" case-sensitively here; other spellings fall through as a modifier.
            if (stability.Value == "stable")
            {
                return normalized;
            }

            normalized += "-" + ExpandStability(stability.Value) + match.Groups["number"].Value.TrimStart('.', '-');
        }

        if (match.Groups["dev"].Success)
        {
            normalized += "-dev";
        }

        return normalized;
    }

    private static string ExpandStability(string stability) => stability.ToLowerInvariant() switch
    {
        "a" => "alpha",
        "b" => "beta",
        "p" or "pl" => "patch",
        "rc" => "RC",
        var other => other,
    };

    // VersionParser::normalizeBranch for numeric branches (1.x-dev → 1.9999999.9999999.9999999-dev); null otherwise.
    private static string? NormalizeNumericBranch(string name)
    {
        var match = NumericBranch().Match(name.Trim(' ', '\t', '\n', '\r', '\0', '\v'));
        if (!match.Success)
        {
            return null;
        }

        var version = string.Empty;
        for (var i = 1; i < 5; i++)
        {
            version += match.Groups[i].Success ? match.Groups[i].Value.Replace('*', 'x').Replace('X', 'x') : ".x";
        }

        return version.Replace("x", "9999999", StringComparison.Ordinal) + "-dev";
    }

    [GeneratedRegex(@"^([^,\t\n\r\f\v ]+) +as +([^,\t\n\r\f\v ]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Alias();

    [GeneratedRegex(@"@(?:stable|RC|beta|alpha|dev)\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StabilityFlag();

    [GeneratedRegex(@"^((?>[^,\t\n\r\f\v +]+))\+[^\t\n\r\f\v ]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex BuildMetadata();

    [GeneratedRegex(@"^v?((?>[0-9]{1,5}))(\.(?>[0-9]+))?(\.(?>[0-9]+))?(\.(?>[0-9]+))?" + Modifier + @"\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Classical();

    [GeneratedRegex(@"^v?([0-9]{4}(?:[.:-]?[0-9]{2}){1,6}(?:[.:-]?[0-9]{1,3}){0,2})" + Modifier + @"\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateBased();

    [GeneratedRegex(@"[^0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex NonDigit();

    [GeneratedRegex(@"^(.*?)[.-]?dev\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DevSuffix();

    [GeneratedRegex(@"^v?((?>[0-9]+))(\.(?:(?>[0-9]+)|[xX*]))?(\.(?:(?>[0-9]+)|[xX*]))?(\.(?:(?>[0-9]+)|[xX*]))?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumericBranch();
}
