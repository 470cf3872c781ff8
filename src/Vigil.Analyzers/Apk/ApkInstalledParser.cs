using System.Text;

namespace Vigil.Analyzers.Apk;

/// <summary>Parses <c>/lib/apk/db/installed</c>: blank-line separated blocks of one-letter <c>X:value</c> lines.</summary>
public static class ApkInstalledParser
{
    /// <summary>The parsed packages plus a description of each block that had to be skipped.</summary>
    public sealed record Result(IReadOnlyList<ApkRecord> Records, IReadOnlyList<string> Errors);

    /// <summary>Reads every block; a block without <c>P:</c> or <c>V:</c> is reported and skipped.</summary>
    public static async Task<Result> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var records = new List<ApkRecord>();
        var errors = new List<string>();
        var fields = new Dictionary<char, string>();
        var lineNumber = 0;
        var blockStart = 1;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            lineNumber++;
            if (line.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add($"line {lineNumber}: binary data, not an apk database; stopped reading");
                fields.Clear();
                break;
            }

            if (line.Length == 0)
            {
                Flush(fields, blockStart, records, errors);
                blockStart = lineNumber + 1;
                continue;
            }

            // Only the first value of each letter matters for the fields read here (F:/R: repeat for files).
            if (line.Length >= 2 && line[1] == ':')
            {
                fields.TryAdd(line[0], line[2..]);
            }
        }

        Flush(fields, blockStart, records, errors);
        return new Result(records, errors);
    }

    private static void Flush(Dictionary<char, string> fields, int startLine, List<ApkRecord> records, List<string> errors)
    {
        if (fields.Count == 0)
        {
            return;
        }

        var name = fields.GetValueOrDefault('P');
        var version = fields.GetValueOrDefault('V');
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            errors.Add($"block at line {startLine} has no {(string.IsNullOrEmpty(name) ? "P: (name)" : "V: (version)")}; skipped");
        }
        else
        {
            records.Add(new ApkRecord(name, version, fields.GetValueOrDefault('A'), fields.GetValueOrDefault('o'), fields.GetValueOrDefault('L')));
        }

        fields.Clear();
    }
}
