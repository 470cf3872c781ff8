using System.Text.RegularExpressions;

namespace Vigil.Analyzers.PyPi;

/// <summary>Python package name normalization (PEP 503): lower case, runs of <c>-_.</c> become one <c>-</c>.</summary>
public static partial class PythonNames
{
    /// <summary>The normalized name (<c>PyYAML</c> → <c>pyyaml</c>, <c>zope.interface</c> → <c>zope-interface</c>).</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Separators().Replace(name.Trim(), "-").ToLowerInvariant();
    }

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
