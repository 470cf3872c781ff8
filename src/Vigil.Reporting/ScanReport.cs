using System.Reflection;
using Vigil.Core;
using Vigil.Reporting.Filtering;

namespace Vigil.Reporting;

/// <summary>
/// Everything one scan produced, in the shape every report writer reads: the artifact and its inventory, the findings
/// left after filters, what was suppressed and why, warnings, the vulnerability data used and when the scan ran.
/// </summary>
/// <remarks>Build one with <see cref="Create"/>; findings are kept in report order (worst severity first).</remarks>
public sealed record ScanReport
{
    /// <summary>The version of the report model and of the <c>json</c> format; bumped on incompatible changes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The schema version of this report.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The inventory that was matched: artifact, operating system and packages.</summary>
    public required Inventory Inventory { get; init; }

    /// <summary>What was scanned (from <see cref="Inventory"/>).</summary>
    public ArtifactInfo Artifact => Inventory.Artifact;

    /// <summary>The detected operating system (from <see cref="Inventory"/>), or null.</summary>
    public OsInfo? Os => Inventory.Os;

    /// <summary>The findings that remain after filters, worst first.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The findings that filters removed, each with its reason.</summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>Ignore-file entries past their expiry date: they no longer suppress anything and should be reviewed.</summary>
    public IReadOnlyList<IgnoreEntry> ExpiredIgnoreEntries { get; init; } = [];

    /// <summary>Problems that did not stop the scan: unreadable files, malformed ignore or VEX entries.</summary>
    public IReadOnlyList<ScanWarning> Warnings { get; init; } = [];

    /// <summary>The vulnerability data matched against, or null when unknown.</summary>
    public DatabaseInfo? Database { get; init; }

    /// <summary>When the scan ran.</summary>
    public DateTimeOffset ScannedAt { get; init; }

    /// <summary>The Vigil version that made the report.</summary>
    public string ToolVersion { get; init; } = DefaultToolVersion;

    /// <summary>Counts of <see cref="Findings"/> per severity and fixable.</summary>
    public ReportSummary Summary => ReportSummary.From(Findings, Suppressed.Count);

    /// <summary>
    /// Builds a report from an inventory and the filter's result, stamping <see cref="ScannedAt"/> from
    /// <paramref name="timeProvider"/> and putting findings in report order.
    /// </summary>
    /// <param name="inventory">The inventory that was matched.</param>
    /// <param name="filtered">What <see cref="FindingFilter.Apply"/> kept and suppressed.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="database">The vulnerability data used, if known.</param>
    /// <param name="warnings">Matching and filter warnings, added after the inventory's own warnings.</param>
    public static ScanReport Create(
        Inventory inventory,
        FilterResult filtered,
        TimeProvider timeProvider,
        DatabaseInfo? database = null,
        IEnumerable<ScanWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(filtered);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new ScanReport
        {
            Inventory = inventory,
            Findings = FindingOrder.Sort(filtered.Kept),
            Suppressed = [.. filtered.Suppressed.OrderBy(s => s.Finding, FindingOrder.Comparer)],
            ExpiredIgnoreEntries = filtered.ExpiredIgnoreEntries,
            Warnings = [.. inventory.Warnings, .. filtered.Warnings, .. warnings ?? []],
            Database = database,
            ScannedAt = timeProvider.GetUtcNow(),
        };
    }

    private static string DefaultToolVersion { get; } =
        typeof(ScanReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
