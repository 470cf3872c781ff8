using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigil.Core;
using Vigil.Reporting.Writers.Markdown;

namespace Vigil.Reporting.Writers.Sarif;

/// <summary>
/// Maps a report onto SARIF as GitHub code scanning reads it: one rule per vulnerability id carrying help text and a
/// <c>security-severity</c>, one result per finding at the file the package was found in (or the image reference).
/// </summary>
internal static class SarifMapper
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static SarifLog Map(ScanReport report)
    {
        var byId = report.Findings.GroupBy(f => f.Id, StringComparer.Ordinal).ToList();
        var rules = byId.Select(g => Rule(g.Key, [.. g])).ToList();
        var ruleIndex = byId.Select((g, i) => (g.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var results = report.Findings.Select(f => Result(report, f, ruleIndex[f.Id])).ToList();
        var notifications = report.Warnings.Select(w => new SarifNotification("warning", new SarifMessage(w.ToString()))).ToList();
        var properties = new Dictionary<string, string> { ["artifact"] = report.Artifact.Name };
        if (report.Artifact.ManifestDigest is { } digest)
        {
            properties["manifestDigest"] = digest.ToString();
        }

        var run = new SarifRun(
            new SarifTool(new SarifDriver("Vigil", $"Vigil vulnerability scanner {report.ToolVersion}", report.ToolVersion, rules)),
            results,
            [new SarifInvocation(true, report.ScannedAt, notifications)],
            "utf16CodeUnits",
            properties);
        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    private static SarifRule Rule(string id, IReadOnlyList<Finding> findings)
    {
        var worst = findings.MaxBy(f => f.Severity)!;
        var title = ReportText.Title(worst);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Vulnerability {id}\nSeverity: {worst.Severity.ToLabel()}\n{title}\n")
            .AppendJoin('\n', findings.Select(f => $"Package: {f.Package.Name} {f.InstalledVersion}, fixed version: {f.FixedVersion ?? "none"}"))
            .Append(CultureInfo.InvariantCulture, $"\nLink: {ReportText.Link(worst)}")
            .ToString();
        var markdown = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"**Vulnerability {MarkdownText.Escape(id)}**\n\n{MarkdownText.Escape(title)}\n\n")
            .Append("| Severity | Package | Installed | Fixed | Path |\n|---|---|---|---|---|\n")
            .AppendJoin(string.Empty, findings.Select(f =>
                $"| {f.Severity.ToLabel()} | {MarkdownText.Code(f.Package.Name)} | {MarkdownText.Code(f.InstalledVersion)} | {MarkdownText.Code(f.FixedVersion)} | {MarkdownText.Code(f.Package.FilePath)} |\n"))
            .Append(CultureInfo.InvariantCulture, $"\n[{MarkdownText.Escape(id)}]({ReportText.Link(worst)})")
            .ToString();
        return new SarifRule(
            id,
            "PackageVulnerability",
            new SarifMessage(ReportText.Truncate(title, 120)),
            new SarifMessage(title),
            new SarifConfiguration(Level(worst.Severity)),
            ReportText.Link(worst),
            new SarifHelp(text, markdown),
            new SarifRuleProperties(
                ["vulnerability", "security", worst.Severity.ToLabel()],
                "very-high",
                findings.Max(SecuritySeverity).ToString("0.0", CultureInfo.InvariantCulture)));
    }

    private static SarifResult Result(ScanReport report, Finding finding, int ruleIndex)
    {
        var fix = finding.FixedVersion is null ? "No fix is published." : $"Fixed in {finding.FixedVersion}.";
        var message = $"Package {finding.Package.Name} {finding.InstalledVersion} is affected by {finding.Id} ({finding.Severity.ToLabel()}). {fix}";
        var where = finding.Package.FilePath ?? report.Artifact.Name;
        var location = new SarifLocation(
            new SarifPhysicalLocation(new SarifArtifactLocation(Uri(where)), new SarifRegion(1, 1, 1, 1)),
            new SarifMessage($"{report.Artifact.Name}: {where}"));
        return new SarifResult(
            finding.Id,
            ruleIndex,
            Level(finding.Severity),
            new SarifMessage(ReportText.Clean(message)),
            [location],
            new Dictionary<string, string> { ["vigilFinding/v1"] = Fingerprint(report, finding) });
    }

    // GitHub maps security-severity to its own scale (>= 9.0 critical, >= 7.0 high, >= 4.0 medium, else low). The CVSS
    // score is used only when it agrees with Vigil's severity, so both tools show the same rating.
    private static double SecuritySeverity(Finding finding) =>
        finding.CvssScore is { } score && SeverityExtensions.FromCvssScore(score) == finding.Severity
            ? score
            : finding.Severity switch
            {
                Severity.Critical => 9.5,
                Severity.High => 8.0,
                Severity.Medium => 5.5,
                Severity.Low => 2.0,
                _ => 0.0,
            };

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    // A relative URI reference: leading '/' removed, every segment escaped (':' in "nginx:1.25" would read as a scheme).
    private static string Uri(string path) =>
        string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(System.Uri.EscapeDataString));

    // Stable across package versions and rescans, so code scanning keeps tracking the same alert until it is fixed.
    private static string Fingerprint(ScanReport report, Finding finding)
    {
        var key = string.Join('|', finding.Id, finding.Package.Ecosystem.Name, finding.Package.Name, finding.Package.FilePath,
            report.Artifact.Repository ?? report.Artifact.Name);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
