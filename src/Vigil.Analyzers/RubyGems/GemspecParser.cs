using System.Text.RegularExpressions;

namespace Vigil.Analyzers.RubyGems;

/// <summary>
/// Reads name, version and licences from an installed gem specification (<c>specifications/*.gemspec</c>), the Ruby code
/// RubyGems writes, without running it: its assignments have a fixed shape (<c>s.name = "rake".freeze</c>).
/// </summary>
public static partial class GemspecParser
{
    /// <summary>A gem's identity.</summary>
    public sealed record Gemspec(string Name, string Version, IReadOnlyList<string> Licenses);

    /// <summary>The gem, or null when name or version cannot be read.</summary>
    public static Gemspec? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = NameRegex().Match(text);
        var version = VersionRegex().Match(text);
        if (!name.Success || !version.Success)
        {
            return null;
        }

        var licenses = new List<string>();
        foreach (Match match in LicensesRegex().Matches(text))
        {
            licenses.AddRange(QuotedRegex().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value));
        }

        return new Gemspec(name.Groups[1].Value, version.Groups[1].Value, licenses.Distinct().ToList());
    }

    [GeneratedRegex(@"^\s*\w+\.name\s*=\s*[""']([^""']+)[""']", RegexOptions.Multiline)]
    private static partial Regex NameRegex();

    // s.version = "13.0.6" or s.version = Gem::Version.new("1.2.3") in older specs.
    [GeneratedRegex(@"^\s*\w+\.version\s*=\s*(?:Gem::Version\.new\()?\s*[""']([^""']+)[""']", RegexOptions.Multiline)]
    private static partial Regex VersionRegex();

    [GeneratedRegex(@"^\s*\w+\.licenses?\s*=\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex LicensesRegex();

    [GeneratedRegex(@"[""']([^""']+)[""']")]
    private static partial Regex QuotedRegex();
}
