using System.Text;

namespace Vigil.Reporting.Writers.Markdown;

/// <summary>Escapes untrusted text for a GitHub-flavoured Markdown table cell.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Escapes pipes (which would end a cell), Markdown punctuation (links, emphasis, code) and HTML (a pull-request comment
    /// must not render markup that came from an advisory); control characters become spaces.
    /// </summary>
    public static string Escape(string? text)
    {
        var clean = ReportText.Clean(text);
        var builder = new StringBuilder(clean.Length + 8);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A code span for versions, names and paths: shown literally (no escapes needed for <c>~</c> or <c>_</c>); a backtick
    /// inside becomes an apostrophe and a pipe stays escaped because GitHub splits table cells before code spans.
    /// </summary>
    public static string Code(string? text)
    {
        var clean = ReportText.Clean(text);
        return clean.Length == 0 ? string.Empty : $"`{clean.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal)}`";
    }
}
