using System.Globalization;
using System.Text;
using Vigil.Core;
using Vigil.Reporting.Filtering;

namespace Vigil.Reporting.Writers;

/// <summary>Text shared by the human-readable writers: groups, titles, links and cleaning of untrusted strings.</summary>
internal static class ReportText
{
    /// <summary>Advisory text is untrusted: control characters (terminal escapes, newlines) become spaces.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                // Lone surrogates cannot be written as UTF-8 or XML.
                builder.Append(char.IsControl(c) ? ' ' : char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Cleans and cuts to <paramref name="max"/> characters, marking a cut with an ellipsis.</summary>
    public static string Truncate(string? text, int max)
    {
        var clean = Clean(text);
        return clean.Length <= max ? clean : string.Concat(clean.AsSpan(0, Math.Max(0, max - 1)).TrimEnd(), "…");
    }

    /// <summary>The finding's title: the advisory summary, or its id when there is none.</summary>
    public static string Title(Finding finding) => string.IsNullOrWhiteSpace(finding.Summary) ? finding.Id : Clean(finding.Summary);

    /// <summary>A page about the vulnerability: OSV's page, which resolves every id and alias.</summary>
    public static string Link(Finding finding) => $"https://osv.dev/vulnerability/{Uri.EscapeDataString(finding.Id)}";

    /// <summary>Findings grouped by target: the OS packages, then one group per library ecosystem.</summary>
    public static IReadOnlyList<(string Title, PackageType Type, IReadOnlyList<Finding> Findings)> Groups(ScanReport report, IEnumerable<Finding> findings) =>
        [.. findings
            .GroupBy(f => (f.Package.Type, Name: f.Package.Type == PackageType.Os ? string.Empty : f.Package.Ecosystem.Name))
            .OrderBy(g => g.Key.Type).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => (GroupTitle(report, g.Key.Type, g.First()), g.Key.Type, (IReadOnlyList<Finding>)[.. g]))];

    /// <summary>The artifact for people: name, and the short digest when known.</summary>
    public static string Artifact(ScanReport report) => report.Artifact.ManifestDigest is { } digest
        ? $"{Clean(report.Artifact.Name)} ({digest.Algorithm}:{digest.Short})"
        : Clean(report.Artifact.Name);

    /// <summary>The operating system for people, or null.</summary>
    public static string? Os(ScanReport report) => report.Os is null
        ? null
        : Clean(report.Os.PrettyName ?? $"{report.Os.Id} {report.Os.VersionId}".Trim());

    /// <summary>An instant as <c>2026-11-22 20:57 UTC</c>.</summary>
    public static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A date as <c>2026-11-22</c>.</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never";

    /// <summary>The database line for people, or null when unknown.</summary>
    public static string? Database(ScanReport report)
    {
        if (report.Database is not { } db)
        {
            return null;
        }

        var parts = new List<string>();
        if (db.Version is not null)
        {
            parts.Add($"version {Clean(db.Version)}");
        }

        if (db.UpdatedAt is { } updated)
        {
            parts.Add($"updated {Time(updated)}");
        }

        if (db.Fingerprint is not null)
        {
            parts.Add($"fingerprint {Truncate(db.Fingerprint, 19)}");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>Short name of a suppression kind: <c>ignore-file</c>, <c>vex</c>, <c>pkg-type</c>, <c>severity</c>, <c>unfixed</c>.</summary>
    public static string KindName(SuppressionKind kind) => kind switch
    {
        SuppressionKind.IgnoreFile => "ignore-file",
        SuppressionKind.Vex => "vex",
        SuppressionKind.PackageType => "pkg-type",
        SuppressionKind.Severity => "severity",
        _ => "unfixed",
    };

    private static string GroupTitle(ScanReport report, PackageType type, Finding first) => type == PackageType.Os
        ? $"{Os(report) ?? first.Package.Ecosystem.ToString()} ({type.ToName()})"
        : $"{Clean(first.Package.Ecosystem.Name)} ({type.ToName()})";
}
