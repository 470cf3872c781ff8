using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Gates.Policy;

/// <summary>Glob matching for namespaces and image references: <c>*</c> stops at <c>/</c>, <c>**</c> does not, <c>?</c> is one character.</summary>
public static class ImageGlob
{
    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/> (case-sensitive, whole string).</summary>
    public static bool IsMatch(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');

        // Patterns come from policy files; the timeout keeps a pathological pattern from stalling a gate.
        return Regex.IsMatch(text, regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
