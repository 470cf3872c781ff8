using System.Text;

namespace Vigil.Analyzers.Dpkg;

/// <summary>Parses dpkg status files (<c>/var/lib/dpkg/status</c>, <c>status.d/*</c>): RFC 822-style paragraphs.</summary>
public static class DpkgStatusParser
{
    /// <summary>The parsed paragraphs plus a description of each one that had to be skipped.</summary>
    public sealed record Result(IReadOnlyList<DpkgRecord> Records, IReadOnlyList<string> Errors);

    /// <summary>Reads every paragraph; a paragraph without Package or Version, or a line that is not a field, is reported.</summary>
    public static async Task<Result> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var records = new List<DpkgRecord>();
        var errors = new List<string>();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        var paragraphStart = 1;
        var badLines = 0;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            lineNumber++;
            if (line.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add($"line {lineNumber}: binary data, not a status file; stopped reading");
                fields.Clear();
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                Flush(fields, paragraphStart, records, errors);
                paragraphStart = lineNumber + 1;
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                continue; // Continuation of a multi-line field (Description, Conffiles): not needed.
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                badLines++;
                continue;
            }

            fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        Flush(fields, paragraphStart, records, errors);
        if (badLines > 0)
        {
            errors.Add($"{badLines} line(s) were neither fields nor continuations and were ignored");
        }

        return new Result(records, errors);
    }

    private static void Flush(Dictionary<string, string> fields, int startLine, List<DpkgRecord> records, List<string> errors)
    {
        if (fields.Count == 0)
        {
            return;
        }

        var name = fields.GetValueOrDefault("Package");
        var version = fields.GetValueOrDefault("Version");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            errors.Add($"paragraph at line {startLine} has no {(string.IsNullOrEmpty(name) ? "Package" : "Version")} field; skipped");
            fields.Clear();
            return;
        }

        var (sourceName, sourceVersion) = ParseSource(fields.GetValueOrDefault("Source"), name, version);
        records.Add(new DpkgRecord(name, version, fields.GetValueOrDefault("Architecture"), sourceName, sourceVersion, fields.GetValueOrDefault("Status")));
        fields.Clear();
    }

    // "Source: glibc" or "Source: gcc-12 (12.2.0-14)": the version in parentheses when the source version differs.
    private static (string Name, string Version) ParseSource(string? source, string name, string version)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return (name, version);
        }

        var open = source.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (source.Trim(), version);
        }

        var close = source.IndexOf(')', open);
        var sourceVersion = close > open ? source[(open + 1)..close].Trim() : version;
        return (source[..open].Trim(), sourceVersion.Length == 0 ? version : sourceVersion);
    }
}
