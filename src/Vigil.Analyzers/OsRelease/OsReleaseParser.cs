using System.Text;

namespace Vigil.Analyzers.OsRelease;

/// <summary>Parses the shell-like <c>KEY=value</c> lines of <c>os-release(5)</c>.</summary>
public static class OsReleaseParser
{
    /// <summary>Reads every assignment; comments, blank and malformed lines are ignored, as the format allows.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = line[..eq].Trim();
            if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                continue;
            }

            values[key] = Unquote(line[(eq + 1)..].Trim());
        }

        return values;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            var quote = value[0];
            var inner = value[1..^1];
            if (quote == '\'')
            {
                return inner;
            }

            var builder = new StringBuilder(inner.Length);
            for (var i = 0; i < inner.Length; i++)
            {
                // Inside double quotes, a backslash escapes $ " \ and `.
                if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] is '$' or '"' or '\\' or '`')
                {
                    i++;
                }

                builder.Append(inner[i]);
            }

            return builder.ToString();
        }

        return value;
    }
}
