using Vigil.Core;
using Vigil.Reporting.Filtering;

namespace Vigil.Reporting.Writers.Json;

/// <summary>Maps the report model onto the json format's records.</summary>
internal static class JsonReportMapper
{
    public static JsonReportDocument Map(ScanReport report)
    {
        var summary = report.Summary;
        var artifact = report.Artifact;
        return new JsonReportDocument(
            report.SchemaVersion,
            new JsonTool("vigil", report.ToolVersion),
            report.ScannedAt,
            new JsonArtifact(
                artifact.Name,
                artifact.Kind switch { ArtifactKind.Image => "image", ArtifactKind.RootFileSystem => "rootfs", _ => "sbom" },
                artifact.Repository,
                artifact.ManifestDigest?.ToString(),
                artifact.ConfigDigest?.ToString(),
                artifact.Platform?.ToString(),
                [.. artifact.Layers.Select(l => l.ToString())]),
            report.Os is { } os ? new JsonOs(os.Id, os.VersionId, os.Ecosystem.ToString(), os.PrettyName, os.Codename) : null,
            report.Database is { } db ? new JsonDatabase(db.Version, db.Fingerprint, db.UpdatedAt, db.Source) : null,
            new JsonSummary(
                summary.Total,
                summary.Fixable,
                summary.Suppressed,
                ReportSummary.SeverityOrder.ToDictionary(s => s.ToLabel(), summary.Count),
                ReportSummary.SeverityOrder.ToDictionary(s => s.ToLabel(), summary.FixableCount)),
            [.. report.Findings.Select(Finding)],
            [.. report.Suppressed.Select(s => new JsonSuppressedFinding(Finding(s.Finding), Suppression(s.Suppression)))],
            [.. report.ExpiredIgnoreEntries.Select(e => new JsonIgnoreEntry(e.Id, e.PackageName, e.Purl, Date(e.Expires), e.Reason, e.Source))],
            [.. report.Warnings.Select(w => new JsonWarning(w.Source, w.Message))],
            [.. report.Inventory.Packages.Select(Package)]);
    }

    private static JsonFinding Finding(Finding f) => new(
        f.Id,
        f.Aliases,
        f.Severity.ToLabel(),
        f.SeveritySource,
        f.CvssScore,
        f.CvssVector,
        f.Summary,
        f.InstalledVersion,
        f.FixedVersion,
        Package(f.Package),
        f.References,
        f.Published,
        f.Modified);

    private static JsonPackage Package(Package p) => new(
        p.Name,
        p.Version,
        p.Type.ToName(),
        p.Ecosystem.ToString(),
        p.Purl,
        p.SourceName,
        p.SourceVersion,
        p.AnalyzerId,
        p.FilePath,
        p.LayerDigest?.ToString(),
        p.Licenses.Count == 0 ? null : p.Licenses);

    private static JsonSuppression Suppression(Suppression s) =>
        new(ReportText.KindName(s.Kind), s.Reason, s.Source, Date(s.Expires), s.VexStatus, s.Justification);

    private static string? Date(DateOnly? date) => date is null ? null : ReportText.Date(date);
}
