namespace Vigil.Reporting.Writers.Json;

// The json format's schema (docs/report-formats.md). These records are the contract: rename nothing, add fields freely,
// and bump ScanReport.CurrentSchemaVersion on any incompatible change.

internal sealed record JsonReportDocument(
    int SchemaVersion,
    JsonTool Tool,
    DateTimeOffset ScannedAt,
    JsonArtifact Artifact,
    JsonOs? Os,
    JsonDatabase? Database,
    JsonSummary Summary,
    IReadOnlyList<JsonFinding> Findings,
    IReadOnlyList<JsonSuppressedFinding> Suppressed,
    IReadOnlyList<JsonIgnoreEntry> ExpiredIgnoreEntries,
    IReadOnlyList<JsonWarning> Warnings,
    IReadOnlyList<JsonPackage> Packages);

internal sealed record JsonTool(string Name, string Version);

internal sealed record JsonArtifact(
    string Name,
    string Kind,
    string? Repository,
    string? ManifestDigest,
    string? ConfigDigest,
    string? Platform,
    IReadOnlyList<string> Layers);

internal sealed record JsonOs(string Id, string? VersionId, string Ecosystem, string? PrettyName, string? Codename);

internal sealed record JsonDatabase(string? Version, string? Fingerprint, DateTimeOffset? UpdatedAt, string? Source);

internal sealed record JsonSummary(
    int Total,
    int Fixable,
    int Suppressed,
    IReadOnlyDictionary<string, int> BySeverity,
    IReadOnlyDictionary<string, int> FixableBySeverity);

internal sealed record JsonPackage(
    string Name,
    string Version,
    string Type,
    string Ecosystem,
    string Purl,
    string? SourceName,
    string? SourceVersion,
    string? Analyzer,
    string? FilePath,
    string? LayerDigest,
    IReadOnlyList<string>? Licenses);

internal sealed record JsonFinding(
    string Id,
    IReadOnlyList<string> Aliases,
    string Severity,
    string SeveritySource,
    double? CvssScore,
    string? CvssVector,
    string? Title,
    string InstalledVersion,
    string? FixedVersion,
    JsonPackage Package,
    IReadOnlyList<string> References,
    DateTimeOffset? Published,
    DateTimeOffset? Modified);

internal sealed record JsonSuppressedFinding(JsonFinding Finding, JsonSuppression Suppression);

internal sealed record JsonSuppression(
    string Kind,
    string Reason,
    string? Source,
    string? Expires,
    string? VexStatus,
    string? Justification);

internal sealed record JsonIgnoreEntry(string Id, string? Package, string? Purl, string? Expires, string? Reason, string Source);

internal sealed record JsonWarning(string Source, string Message);
