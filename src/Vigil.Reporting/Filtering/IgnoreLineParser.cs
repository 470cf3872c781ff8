using System.Globalization;
using Vigil.Core;

namespace Vigil.Reporting.Filtering;

/// <summary>
/// The simple ignore format: one id per line, <c>#</c> starts a comment, and an optional <c>exp:YYYY-MM-DD</c> after the id
/// (Trivy's syntax) sets an expiry. A comment on the line is the entry's reason.
/// </summary>
internal static class IgnoreLineParser
{
    public static IReadOnlyList<IgnoreEntry> Parse(string text, string source, List<ScanWarning> warnings)
    {
        var entries = new List<IgnoreEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var comment = hash >= 0 ? line[(hash + 1)..].Trim() : null;
            line = hash >= 0 ? line[..hash].Trim() : line;
            if (line.Length == 0)
            {
                continue;
            }

            var where = $"{source}:{i + 1}";
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            DateOnly? expires = null;
            var valid = true;
            foreach (var field in fields.Skip(1))
            {
                if (field.StartsWith("exp:", StringComparison.OrdinalIgnoreCase)
                    && DateOnly.TryParseExact(field[4..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    expires = date;
                }
                else
                {
                    warnings.Add(new ScanWarning(where, $"'{field}' is not understood after the id (expected exp:YYYY-MM-DD); entry skipped."));
                    valid = false;
                }
            }

            if (valid)
            {
                entries.Add(new IgnoreEntry(fields[0])
                {
                    Expires = expires,
                    Reason = string.IsNullOrEmpty(comment) ? null : comment,
                    Source = where,
                });
            }
        }

        return entries;
    }
}
