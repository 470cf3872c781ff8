using System.Text.Json.Serialization;

namespace Vigil.Reporting.Writers.Sarif;

// The subset of SARIF 2.1.0 that GitHub code scanning reads (docs.github.com "SARIF support for code scanning").

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyList<SarifResult> Results,
    IReadOnlyList<SarifInvocation> Invocations,
    string ColumnKind,
    IReadOnlyDictionary<string, string> Properties);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(
    string Name,
    string FullName,
    string Version,
    IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    string Id,
    string Name,
    SarifMessage ShortDescription,
    SarifMessage FullDescription,
    SarifConfiguration DefaultConfiguration,
    string HelpUri,
    SarifHelp Help,
    SarifRuleProperties Properties);

internal sealed record SarifMessage(string Text);

internal sealed record SarifHelp(string Text, string Markdown);

internal sealed record SarifConfiguration(string Level);

internal sealed record SarifRuleProperties(
    IReadOnlyList<string> Tags,
    string Precision,
    [property: JsonPropertyName("security-severity")] string SecuritySeverity);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, SarifMessage Message);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

internal sealed record SarifArtifactLocation(string Uri);

internal sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

internal sealed record SarifInvocation(
    bool ExecutionSuccessful,
    DateTimeOffset EndTimeUtc,
    IReadOnlyList<SarifNotification> ToolExecutionNotifications);

internal sealed record SarifNotification(string Level, SarifMessage Message);
