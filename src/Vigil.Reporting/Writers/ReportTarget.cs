using System.Diagnostics.CodeAnalysis;

namespace Vigil.Reporting.Writers;

/// <summary>
/// One <c>--format</c> value: a format name, optionally with a file (<c>sarif=report.sarif</c>). Without a file the report
/// goes to the standard output (or <c>--output</c>).
/// </summary>
/// <param name="Format">The format name.</param>
/// <param name="Path">The file to write, or null for the default output.</param>
public sealed record ReportTarget(string Format, string? Path)
{
    /// <summary>Parses <c>format</c> or <c>format=path</c>, throwing <see cref="FormatException"/> with the reason.</summary>
    public static ReportTarget Parse(string text) =>
        TryParse(text, out var target, out var error) ? target : throw new FormatException(error);

    /// <summary>Parses <c>format</c> or <c>format=path</c> without throwing.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportTarget? target, [NotNullWhen(false)] out string? error)
    {
        target = null;
        var value = text?.Trim() ?? string.Empty;
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var format = (equals < 0 ? value : value[..equals]).Trim();
        var path = equals < 0 ? null : value[(equals + 1)..].Trim();
        if (format.Length == 0 || format.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.'))
        {
            error = $"'{text}' is not a report format: expected a name such as sarif, optionally with a file (sarif=report.sarif).";
            return false;
        }

        if (path is { Length: 0 })
        {
            error = $"'{text}' names no file after '=': write {format}=<path>, or just {format} for the standard output.";
            return false;
        }

        target = new ReportTarget(format.ToLowerInvariant(), path);
        error = null;
        return true;
    }
}
